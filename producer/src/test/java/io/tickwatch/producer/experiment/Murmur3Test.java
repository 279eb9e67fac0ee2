package io.tickwatch.producer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Murmur3Test {

  /** The reference algorithm over a byte array (Appleby's MurmurHash3_x86_32). */
  static int reference(byte[] data, int seed) {
    int h1 = seed;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k1 =
          (data[4 * i] & 0xff)
              | (data[4 * i + 1] & 0xff) << 8
              | (data[4 * i + 2] & 0xff) << 16
              | (data[4 * i + 3] & 0xff) << 24;
      k1 *= 0xcc9e2d51;
      k1 = Integer.rotateLeft(k1, 15);
      k1 *= 0x1b873593;
      h1 ^= k1;
      h1 = Integer.rotateLeft(h1, 13);
      h1 = h1 * 5 + 0xe6546b64;
    }
    int k1 = 0;
    int tail = blocks * 4;
    switch (data.length & 3) {
      case 3:
        k1 ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k1 ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k1 ^= data[tail] & 0xff;
        k1 *= 0xcc9e2d51;
        k1 = Integer.rotateLeft(k1, 15);
        k1 *= 0x1b873593;
        h1 ^= k1;
        break;
      default:
        break;
    }
    h1 ^= data.length;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldMatchThePublishedReferenceVectors() {
    assertThat(reference(utf8(""), 0)).isZero();
    assertThat(reference(utf8(""), 1)).isEqualTo(0x514E28B7);
    assertThat(reference(utf8("test"), 0)).isEqualTo(0xba6bd213);
    assertThat(reference(utf8("Hello, world!"), 0)).isEqualTo(0xc0363e43);
    assertThat(reference(utf8("The quick brown fox jumps over the lazy dog"), 0))
        .isEqualTo(0x2e4ff723);
  }

  @Test
  void shouldPinTheAssignmentHashOfAKnownUnit() {
    // pinned so that a change of the hash (which would reshuffle every running experiment) fails
    assertThat(Murmur3.hash32(0, "tick-buffers", "player-42"))
        .isEqualTo(reference(utf8("tick-buffers:player-42"), 0));
    assertThat(Murmur3.hash32(0, "exp", "Ünit-€-😀"))
        .isEqualTo(reference(utf8("exp:Ünit-€-😀"), 0));
  }

  @Property(tries = 2000)
  void shouldEqualTheReferenceOverTheUtf8BytesOfSaltColonUnit(
      @ForAll String salt, @ForAll String unit, @ForAll int seed) {
    assertThat(Murmur3.hash32(seed, salt, unit))
        .isEqualTo(reference(utf8(salt + ":" + unit), seed));
  }
}
