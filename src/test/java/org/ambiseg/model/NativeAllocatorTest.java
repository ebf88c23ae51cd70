package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;

/**
 * Malloc tuning on the product's sampling path: 16 samples of probunet-128 at 128 x 128 make hidden
 * tensors of exactly 32 MiB (16 x 32 x 128 x 128 floats), which glibc by default maps afresh and
 * faults in page by page on every decode (some 8,192 page faults each, several per decode). After
 * {@link NativeAllocator#configureOnce()} the freed blocks are reused, so repeated decodes take
 * almost no new page faults.
 */
class NativeAllocatorTest {

  private static final long PAGES_PER_HIDDEN_TENSOR = 16L * 32 * 128 * 128 * 4 / 4096;

  @Test
  void repeatedSixteenSampleDecodesReuseTheirMemory() throws IOException {
    assertTrue(NativeAllocator.configureOnce(), "glibc's thresholds are set on this Linux machine");
    assertTrue(NativeAllocator.configureOnce(), "a second call reports the same");
    try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, 7);
        ProbUNetSampler.EncodedImage encoded =
            new ProbUNetSampler(model, Normalization.IDENTITY).encode(image())) {
      float[][] z = encoded.drawPrior(16, 3);
      assertEquals(16, encoded.decode(z).size()); // the first decode faults its pages in
      long before = minorFaults();
      for (int i = 0; i < 5; i++) {
        encoded.decode(z);
      }
      long faults = minorFaults() - before;
      assertTrue(
          faults < 5 * PAGES_PER_HIDDEN_TENSOR,
          "5 decodes of 16 samples took "
              + faults
              + " new page faults (one hidden tensor has "
              + PAGES_PER_HIDDEN_TENSOR
              + " pages): freed tensor memory was not reused");
    }
  }

  private static Image2D image() {
    SplittableRandom random = new SplittableRandom(5);
    float[] px = new float[128 * 128];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) random.nextDouble();
    }
    return Image2D.grey(128, 128, px);
  }

  /** The process's minor page faults so far (field 10 of /proc/self/stat). */
  private static long minorFaults() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[7]);
  }
}
