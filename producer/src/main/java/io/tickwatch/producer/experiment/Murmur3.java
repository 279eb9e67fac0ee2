package io.tickwatch.producer.experiment;

/**
 * MurmurHash3 x86 32-bit (Austin Appleby's reference {@code MurmurHash3_x86_32}) over the UTF-8
 * bytes of {@code prefix + ':' + key}, computed straight from the characters without allocating.
 * Unpaired surrogates encode as {@code '?'}, as {@link String#getBytes} does, so the result equals
 * the reference function applied to {@code (prefix + ":" + key).getBytes(UTF_8)}. This is the
 * assignment hash every agent uses; it must never change.
 */
public final class Murmur3 {

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of the UTF-8 bytes of {@code prefix + ':' + key} with the given seed. */
  public static int hash32(int seed, CharSequence prefix, CharSequence key) {
    int h1 = seed;
    int block = 0; // bytes of the current 4-byte block, little-endian
    int inBlock = 0;
    int length = 0;
    int prefixLength = prefix.length();
    int total = prefixLength + 1 + key.length();
    for (int i = 0; i < total; i++) {
      char c = charAt(prefix, key, prefixLength, i);
      int codePoint = c;
      if (Character.isHighSurrogate(c)
          && i + 1 < total
          && i + 1 != prefixLength
          && Character.isLowSurrogate(charAt(prefix, key, prefixLength, i + 1))) {
        codePoint = Character.toCodePoint(c, charAt(prefix, key, prefixLength, i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        codePoint = '?';
      }
      int encoded; // up to 4 UTF-8 bytes, first byte lowest
      int count;
      if (codePoint < 0x80) {
        encoded = codePoint;
        count = 1;
      } else if (codePoint < 0x800) {
        encoded = (0xc0 | (codePoint >>> 6)) | ((0x80 | (codePoint & 0x3f)) << 8);
        count = 2;
      } else if (codePoint < 0x10000) {
        encoded =
            (0xe0 | (codePoint >>> 12))
                | ((0x80 | ((codePoint >>> 6) & 0x3f)) << 8)
                | ((0x80 | (codePoint & 0x3f)) << 16);
        count = 3;
      } else {
        encoded =
            (0xf0 | (codePoint >>> 18))
                | ((0x80 | ((codePoint >>> 12) & 0x3f)) << 8)
                | ((0x80 | ((codePoint >>> 6) & 0x3f)) << 16)
                | ((0x80 | (codePoint & 0x3f)) << 24);
        count = 4;
      }
      for (int b = 0; b < count; b++) {
        block |= ((encoded >>> (8 * b)) & 0xff) << (8 * inBlock);
        length++;
        if (++inBlock == 4) {
          h1 ^= mixK1(block);
          h1 = Integer.rotateLeft(h1, 13);
          h1 = h1 * 5 + 0xe6546b64;
          block = 0;
          inBlock = 0;
        }
      }
    }
    if (inBlock > 0) {
      h1 ^= mixK1(block);
    }
    h1 ^= length;
    return fmix32(h1);
  }

  private static char charAt(CharSequence prefix, CharSequence key, int prefixLength, int i) {
    if (i < prefixLength) {
      return prefix.charAt(i);
    }
    return i == prefixLength ? ':' : key.charAt(i - prefixLength - 1);
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * C2;
  }

  private static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
