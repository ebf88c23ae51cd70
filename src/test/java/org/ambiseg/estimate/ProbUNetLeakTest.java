package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sampling 500 times leaves the model's manager with exactly the arrays it started with; the long
 * tier's soak also keeps heap and native memory flat.
 */
class ProbUNetLeakTest {

  /** Live heap growth allowed after the first round (measured after a full GC). */
  private static final long HEAP_SLACK_MB = 4;

  /** Rise of the native memory's floor allowed after warm-up: JIT code, allocator bookkeeping. */
  private static final long RSS_SLACK_MB = 32;

  @Test
  void fiveHundredSamplesAndDecodesLeakNoArrays() throws IOException {
    soak(500, 500, 1);
  }

  /**
   * The long-tier soak: 10,000 samplings and 10,000 slider decodes per round, eight rounds by
   * default ({@code -Dambiseg.soakRounds=N} for more), memory reported per round. The first round
   * warms libtorch's allocator and the JIT up. After it the live heap (after a GC) may not grow by
   * more than {@link #HEAP_SLACK_MB}, and the native memory's floor may not rise: the lowest VmRSS
   * of the later half of the rounds may be at most {@link #RSS_SLACK_MB} above the lowest of the
   * earlier half. The floor, not each round, because the JVM's own native memory swings by about
   * 125 MB from one round to the next whatever the model does (seen with and without AmbiSeg's
   * malloc settings); a leak of a few hundred bytes per sampling or decode lifts the floor.
   */
  @Test
  @Tag("long")
  void tenThousandSamplesAndDecodesLeakNoArraysAndKeepMemoryFlat() throws IOException {
    int rounds = Math.max(5, Integer.getInteger("ambiseg.soakRounds", 8));
    List<long[]> memory = soak(10_000, 10_000, rounds);
    long heapWarm = memory.get(0)[0];
    for (int r = 1; r < memory.size(); r++) {
      long heapGrowthMb = (memory.get(r)[0] - heapWarm) >> 20;
      assertTrue(
          heapGrowthMb <= HEAP_SLACK_MB,
          "heap after round " + (r + 1) + " is " + heapGrowthMb + " MB above round 1's");
    }
    int middle = 1 + (rounds - 1) / 2;
    long earlierFloorKb = lowestRss(memory.subList(1, middle));
    long laterFloorKb = lowestRss(memory.subList(middle, rounds));
    long risenMb = (laterFloorKb - earlierFloorKb) >> 10;
    System.out.printf(
        "soak: VmRSS floor %d MB over rounds 2-%d, %d MB over rounds %d-%d%n",
        earlierFloorKb >> 10, middle, laterFloorKb >> 10, middle + 1, rounds);
    assertTrue(
        risenMb <= RSS_SLACK_MB,
        "the VmRSS floor rose by " + risenMb + " MB from the earlier to the later rounds");
  }

  private static long lowestRss(List<long[]> rounds) {
    return rounds.stream().mapToLong(r -> r[1]).min().orElseThrow();
  }

  /**
   * Runs {@code rounds} rounds of {@code samples} samplings (one sample each) and {@code decodes}
   * slider-style decodes (a new z for one encoded image, as a dragged slider does); after each
   * round checks the engine's open-array count is where it was after warm-up and reports heap and
   * native memory (VmRSS) before and after the round.
   *
   * @return per round, the used heap after a GC (bytes) and VmRSS (KB) at its end
   */
  private static List<long[]> soak(int samples, int decodes, int rounds) throws IOException {
    // created as the app and CLI create models (Devices.select), so the process's native memory is
    // set up as theirs is (NativeAllocator)
    try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 1)) {
      ProbUNetSampler sampler = new ProbUNetSampler(model, Normalization.IDENTITY);
      float[] px = new float[32 * 32];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i % 7) / 7f;
      }
      Image2D image = Image2D.grey(32, 32, px);
      BaseNDManager manager = (BaseNDManager) model.manager();
      for (int i = 0; i < 20; i++) {
        sampler.sample(image, 4, i); // warm-up: lazily created state counts as baseline
      }
      int before = manager.getManagedArrays().size();
      List<long[]> memory = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        memory.add(soakRound(sampler, image, manager, before, samples, decodes, round));
      }
      return memory;
    }
  }

  private static long[] soakRound(
      ProbUNetSampler sampler,
      Image2D image,
      BaseNDManager manager,
      int before,
      int samples,
      int decodes,
      int round)
      throws IOException {
    long heapBefore = usedHeapAfterGc();
    long rssBefore = rssKb();
    long start = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      sampler.sample(image, 1, i);
    }
    int afterSampling = manager.getManagedArrays().size();
    try (ProbUNetSampler.EncodedImage encoded = sampler.encode(image)) {
      float[][] z = encoded.drawPrior(1, 0);
      for (int i = 0; i < decodes; i++) {
        z[0][i % z[0].length] = (float) Math.sin(i * 0.01); // a slider moving
        encoded.decode(z);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int after = manager.getManagedArrays().size();
    long heapAfter = usedHeapAfterGc();
    long rssAfter = rssKb();
    long committedMb = Runtime.getRuntime().totalMemory() >> 20;
    System.out.printf(
        "soak round %d: %d samplings + %d decodes in %.1f s; open arrays %d -> %d -> %d;"
            + " heap %d -> %d MB; VmRSS %d -> %d MB, of which Java heap committed %d MB%n",
        round,
        samples,
        decodes,
        seconds,
        before,
        afterSampling,
        after,
        heapBefore >> 20,
        heapAfter >> 20,
        rssBefore >> 10,
        rssAfter >> 10,
        committedMb);
    assertEquals(before, afterSampling, "open arrays after " + samples + " samplings");
    assertEquals(before, after, "open arrays after " + decodes + " decodes");
    return new long[] {heapAfter, rssAfter};
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** Resident set size in KB from /proc/self/status (includes native memory), or -1 elsewhere. */
  private static long rssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
