package org.ambiseg.app.latent;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Capabilities;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.io.ImageReader;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TrainingDomain;
import org.testfx.util.WaitForAsyncUtils;

/** Shared inputs for the latent-panel tests: shipped model and sample, a tiny HPU-Net, helpers. */
final class LatentFixtures {

  /** The shipped Prob U-Net trained on sample-data. */
  static final Path PROBUNET = Path.of("models/probunet-shapes");

  /** One shipped 128x128 test case. */
  static final Path SAMPLE = Path.of("sample-data/test/images/synth-00280.png");

  private LatentFixtures() {}

  static Image2D sample() throws Exception {
    return ImageReader.readImage(SAMPLE);
  }

  /** Saves an untrained HPUNET_TINY (2 latent scales, inputs divisible by 8) to {@code dir}. */
  static Path tinyHpuNet(Path dir) throws IOException {
    try (HpuNetModel m = HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 4, Device.cpu())) {
      ModelStore.save(
          dir,
          ModelInfo.create(
              "tiny",
              "hpunet",
              new Gson().toJsonTree(m.config()),
              Normalization.IDENTITY,
              new TrainingDomain(32, 32, 1, 0.5f, 0.3f, "test"),
              null),
          new TensorBundle(BlockParameters.export(m.block()), new JsonObject()));
    }
    return dir;
  }

  /** A 32x32 grey image with a bright disc on a textured background. */
  static Image2D disc32() {
    int n = 32;
    float[] px = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double d = Math.hypot(x - 15.5, y - 15.5);
        px[y * n + x] = d < 8 ? 0.9f : 0.3f + 0.02f * ((x * 7 + y * 3) % 10);
      }
    }
    return Image2D.grey(n, n, px);
  }

  /** Runs {@code work} on the model thread and waits for its result. */
  static <T> T onModelThread(ExecutorService model, Callable<T> work) throws Exception {
    return model.submit(work).get(60, TimeUnit.SECONDS);
  }

  /** Waits (up to 60 s) until {@code condition} holds on the FX thread. */
  static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Waits until the view-model has shown the segmentation of its newest request. */
  static void waitIdle(LatentViewModel vm) throws Exception {
    waitUntil(() -> !vm.busyProperty().get() && vm.overlayProperty().get() != null);
  }

  /** All ARGB pixels of an image. */
  static int[] pixels(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] out = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }

  /** An estimator without a latent space (as MC dropout or TTA report), for visibility checks. */
  static Estimator withoutLatentSpace() {
    return new Estimator() {
      @Override
      public String name() {
        return "no-latent";
      }

      @Override
      public Capabilities capabilities() {
        return new Capabilities(0, 0, false, "test");
      }

      @Override
      public SampleSet sample(Image2D image, int n, long seed) {
        throw new UnsupportedOperationException("not sampled in these tests");
      }

      @Override
      public void close() {}
    };
  }
}
