package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sampling 500 times leaves the model's manager with exactly the arrays it started with. */
class ProbUNetLeakTest {

  @Test
  void fiveHundredSamplesAndDecodesLeakNoArrays() throws IOException {
    soak(500, 500, 1);
  }

  /**
   * The long-tier soak: 10,000 samplings and 10,000 slider decodes, three times over, memory
   * reported per round. libtorch's allocator grows the RSS during the first round and then holds
   * it, so the later rounds are the steady state.
   */
  @Test
  @Tag("long")
  void tenThousandSamplesAndDecodesLeakNoArrays() throws IOException {
    soak(10_000, 10_000, 3);
  }

  /**
   * Runs {@code rounds} rounds of {@code samples} samplings (one sample each) and {@code decodes}
   * slider-style decodes (a new z for one encoded image, as a dragged slider does); after each
   * round checks the engine's open-array count is where it was after warm-up and reports heap and
   * native memory (VmRSS) before and after the round.
   */
  private static void soak(int samples, int decodes, int rounds) throws IOException {
    try (ProbUNetModel model =
        ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 1, Device.cpu())) {
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
      for (int round = 1; round <= rounds; round++) {
        soakRound(sampler, image, manager, before, samples, decodes, round);
      }
    }
  }

  private static void soakRound(
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
    System.out.printf(
        "soak round %d: %d samplings + %d decodes in %.1f s; open arrays %d -> %d -> %d;"
            + " heap %d -> %d MB; VmRSS %d -> %d MB%n",
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
        rssAfter >> 10);
    assertEquals(before, afterSampling, "open arrays after " + samples + " samplings");
    assertEquals(before, after, "open arrays after " + decodes + " decodes");
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
