package org.ambiseg.cli;

import java.util.Locale;

/** Names of the per-sample files the CLI writes and reads: sample-00.png, prob-00.png, ... */
final class SampleFiles {

  private SampleFiles() {}

  /** Digits used to number {@code n} samples: at least two, so names sort in order. */
  static int digits(int n) {
    return Math.max(2, Integer.toString(Math.max(0, n - 1)).length());
  }

  /** e.g. {@code name("sample", 3, 16)} is "sample-03.png". */
  static String name(String prefix, int k, int n) {
    return String.format(Locale.ROOT, "%s-%0" + digits(n) + "d.png", prefix, k);
  }
}
