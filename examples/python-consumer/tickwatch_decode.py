#!/usr/bin/env python3
"""Decode Tickwatch topic values (Confluent wire format + Avro) with the Python standard library.

Reads binary-framed records from stdin as written by kcat with `-f '%R%s'` (a 4-byte big-endian
length, then the value), fetches each writer schema once from a Confluent-compatible registry
(GET /schemas/ids/<id>) and prints one JSON object per record. NaN and infinities print as
strings, bytes as base64, timestamps as epoch milliseconds.

    kcat -C -b localhost:9092 -t tickwatch.stats -o beginning -e -f '%R%s' \
      | python3 tickwatch_decode.py --registry http://localhost:8081

Only the standard library is used: no confluent-kafka, no fastavro.
"""
import argparse
import base64
import json
import math
import struct
import sys
import urllib.request


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def byte(self):
        if self.pos >= len(self.data):
            raise EOFError("Avro body ends early")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def long(self):
        shift, result = 0, 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return (result >> 1) ^ -(result & 1)
            shift += 7

    def take(self, n):
        if n < 0 or self.pos + n > len(self.data):
            raise EOFError("Avro body ends early")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def named_types(schema, names, namespace=""):
    """Registers every named type (record, enum, fixed) by full and simple name."""
    if isinstance(schema, list):
        for branch in schema:
            named_types(branch, names, namespace)
    elif isinstance(schema, dict):
        kind = schema.get("type")
        if kind in ("record", "error", "enum", "fixed"):
            ns = schema.get("namespace", namespace)
            full = schema["name"] if "." in schema["name"] else (ns + "." + schema["name"] if ns else schema["name"])
            names[full] = schema
            names[schema["name"].split(".")[-1]] = schema
            for field in schema.get("fields", []):
                named_types(field["type"], names, ns)
        elif kind == "array":
            named_types(schema["items"], names, namespace)
        elif kind == "map":
            named_types(schema["values"], names, namespace)
        elif isinstance(kind, (dict, list)):
            named_types(kind, names, namespace)


def decode(schema, r, names):
    if isinstance(schema, str):
        if schema in names:
            return decode(names[schema], r, names)
        kind = schema
    elif isinstance(schema, list):
        return decode(schema[r.long()], r, names)
    else:
        kind = schema["type"]
        if isinstance(kind, (dict, list)) or (isinstance(kind, str) and kind in names):
            return decode(kind, r, names)
    if kind == "null":
        return None
    if kind == "boolean":
        return r.byte() == 1
    if kind in ("int", "long"):
        return r.long()
    if kind == "float":
        return plain(struct.unpack("<f", r.take(4))[0])
    if kind == "double":
        return plain(struct.unpack("<d", r.take(8))[0])
    if kind == "bytes":
        return base64.b64encode(r.take(r.long())).decode("ascii")
    if kind == "string":
        return r.take(r.long()).decode("utf-8")
    if kind in ("record", "error"):
        return {f["name"]: decode(f["type"], r, names) for f in schema["fields"]}
    if kind == "enum":
        return schema["symbols"][r.long()]
    if kind == "fixed":
        return base64.b64encode(r.take(schema["size"])).decode("ascii")
    if kind in ("array", "map"):
        out = [] if kind == "array" else {}
        while True:
            count = r.long()
            if count == 0:
                return out
            if count < 0:
                count = -count
                r.long()  # block size in bytes
            for _ in range(count):
                if kind == "array":
                    out.append(decode(schema["items"], r, names))
                else:
                    key = r.take(r.long()).decode("utf-8")
                    out[key] = decode(schema["values"], r, names)
    raise ValueError("unsupported Avro type %r" % (kind,))


def plain(x):
    return x if math.isfinite(x) else str(x).replace("inf", "Infinity").replace("nan", "NaN")


class Registry:
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.cache = {}

    def schema(self, schema_id):
        if schema_id not in self.cache:
            with urllib.request.urlopen("%s/schemas/ids/%d" % (self.url, schema_id), timeout=10) as resp:
                parsed = json.loads(json.loads(resp.read().decode("utf-8"))["schema"])
            names = {}
            named_types(parsed, names)
            self.cache[schema_id] = (parsed, names)
        return self.cache[schema_id]


def decode_value(value, registry):
    """The JSON-ready form of one wire-format value, or {"error": ...} when it is not one."""
    if len(value) < 5 or value[0] != 0:
        return {"error": "not the Confluent wire format (magic byte %r)" % (value[:1],)}
    schema_id = struct.unpack(">i", value[1:5])[0]
    try:
        schema, names = registry.schema(schema_id)
        return {"schemaId": schema_id, "value": decode(schema, Reader(value[5:]), names)}
    except Exception as e:  # one bad record must not stop the tail
        return {"schemaId": schema_id, "error": str(e)}


def frames(stream):
    while True:
        header = stream.read(4)
        if len(header) < 4:
            return
        (length,) = struct.unpack(">i", header)
        yield None if length < 0 else stream.read(length)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--registry", default="http://localhost:8081", help="schema registry URL")
    args = parser.parse_args(argv)
    registry = Registry(args.registry)
    for value in frames(sys.stdin.buffer):
        record = {"value": None} if value is None else decode_value(value, registry)
        print(json.dumps(record, separators=(",", ":")), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
