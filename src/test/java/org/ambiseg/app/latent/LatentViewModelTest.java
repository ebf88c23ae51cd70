package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleObjectProperty;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.ProbUNetEstimator;
import org.ambiseg.model.ProbUNetSampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view-model with the shipped Prob U-Net: rapid changes are coalesced into far fewer decodes
 * and the last value is always the one shown; one encoding per image; no latent space, no panel.
 */
class LatentViewModelTest {

  private static AppExecutors executors;
  private static ProbUNetEstimator estimator;
  private static Image2D image;

  @BeforeAll
  static void setUp() throws Exception {
    FxToolkit.registerPrimaryStage();
    executors = new AppExecutors();
    estimator = ProbUNetEstimator.open(LatentFixtures.PROBUNET);
    image = LatentFixtures.sample();
  }

  @AfterAll
  static void tearDown() throws Exception {
    executors.model().submit(estimator::close).get(10, TimeUnit.SECONDS);
    executors.close();
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  @Test
  void rapidChangesAreCoalescedAndTheLastValueIsDecoded() throws Exception {
    SimpleObjectProperty<Estimator> est = new SimpleObjectProperty<>(estimator);
    SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(image);
    List<String> problems = new ArrayList<>();
    LatentViewModel vm = idleViewModel(est, img, problems);
    long decodesBefore = vm.decodes();
    long requestsBefore = vm.requests();

    int moves = 200;
    fx(
        () -> {
          for (int i = 1; i <= moves; i++) {
            vm.offsets().get(2).set(-3 + 5.5 * i / moves); // ends at +2.5
          }
          return null;
        });
    LatentFixtures.waitIdle(vm);

    long decodes = vm.decodes() - decodesBefore;
    assertEquals(moves, vm.requests() - requestsBefore);
    assertTrue(decodes >= 1 && decodes <= 10, moves + " changes cost " + decodes + " decodes");

    float[][] prior = prior(estimator);
    float[] z = fx(() -> vm.zProperty().get());
    for (int d = 0; d < z.length; d++) {
      float expected = prior[0][d] + (d == 2 ? 2.5f * prior[1][d] : 0f);
      assertEquals(expected, z[d], 1e-5, "z" + (d + 1));
    }
    assertEquals(1, vm.encodings(), "the image was encoded once for all the decodes");
    assertTrue(problems.isEmpty(), problems.toString());
    fx(
        () -> {
          vm.close();
          return null;
        });
  }

  @Test
  void noLatentSpaceNoControlsAndNewImageResetsToThePriorMean() throws Exception {
    SimpleObjectProperty<Estimator> est = new SimpleObjectProperty<>(estimator);
    SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(image);
    LatentViewModel vm = fx(() -> new LatentViewModel(est, img, executors.model(), (h, m) -> {}));
    assertEquals(LatentKind.VECTOR, fx(() -> vm.kindProperty().get()));
    assertEquals(6, fx(() -> vm.offsets().size()));
    LatentFixtures.waitIdle(vm);
    float[] atMean = fx(() -> vm.zProperty().get());

    fx(
        () -> {
          vm.offsets().get(0).set(1.0);
          return null;
        });
    LatentFixtures.waitIdle(vm);
    Image2D flipped = flip(image);
    fx(
        () -> {
          img.set(flipped);
          return null;
        });
    LatentFixtures.waitIdle(vm);
    assertEquals(0.0, fx(() -> vm.offsets().get(0).get()), "a new image starts at the prior mean");
    assertEquals(2, vm.encodings(), "one encoding per image");
    float[] z = fx(() -> vm.zProperty().get());
    assertTrue(!Arrays.equals(atMean, z), "the flipped image has its own prior mean");

    fx(
        () -> {
          est.set(LatentFixtures.withoutLatentSpace());
          return null;
        });
    assertEquals(LatentKind.NONE, fx(() -> vm.kindProperty().get()));
    assertEquals(0, fx(() -> vm.offsets().size()));
    assertNull(fx(() -> vm.overlayProperty().get()));
    assertNull(fx(() -> vm.zProperty().get()));

    fx(
        () -> {
          est.set(estimator);
          vm.offsets().get(0).set(0.0);
          return null;
        });
    LatentFixtures.waitIdle(vm);
    assertArrayEquals(z, fx(() -> vm.zProperty().get()), "back on the same image and model");
    fx(
        () -> {
          vm.close();
          return null;
        });
  }

  /**
   * Switching models while a slider is dragged: a decode the old model finished for the drag, whose
   * result reaches the FX thread only after the switch, is dropped; everything shown after the
   * switch comes from the new model.
   */
  @Test
  void aDecodeOfTheOldModelNeverLandsAfterTheModelIsSwitched() throws Exception {
    ProbUNetEstimator other = ProbUNetEstimator.open(Path.of("models/probunet-lidc"));
    try {
      SimpleObjectProperty<Estimator> est = new SimpleObjectProperty<>(estimator);
      SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(image);
      List<String> problems = new ArrayList<>();
      LatentViewModel vm = idleViewModel(est, img, problems);
      AtomicBoolean switched = new AtomicBoolean();
      List<float[]> shownAfterSwitch = new ArrayList<>();
      fx(
          () -> {
            vm.zProperty()
                .addListener(
                    (obs, old, now) -> {
                      if (switched.get() && now != null) {
                        shownAfterSwitch.add(now);
                      }
                    });
            return null;
          });

      long decodesBefore = vm.decodes();
      fx(
          () -> {
            vm.offsets().get(0).set(2.0); // the drag: a request for the old model
            // wait, still on the FX thread, until the model thread has decoded it: its result is
            // now queued behind this event
            executors.model().submit(() -> null).get(30, TimeUnit.SECONDS);
            est.set(other); // the switch, before the old result reaches the FX thread
            switched.set(true);
            return null;
          });
      assertTrue(vm.decodes() > decodesBefore, "the old model decoded the drag");
      LatentFixtures.waitIdle(vm);

      float[][] oldPrior = prior(estimator);
      float[][] newPrior = prior(other);
      double[] offsets = fx(() -> vm.offsets().stream().mapToDouble(o -> o.get()).toArray());
      float[] expected = new float[newPrior[0].length];
      for (int d = 0; d < expected.length; d++) {
        expected[d] = newPrior[0][d] + (float) offsets[d] * newPrior[1][d];
      }
      float oldDragged = oldPrior[0][0] + 2.0f * oldPrior[1][0];
      assertTrue(!shownAfterSwitch.isEmpty(), "the new model's segmentation was shown");
      for (float[] z : shownAfterSwitch) {
        assertTrue(z[0] != oldDragged, "the old model's z " + oldDragged + " was shown");
        assertArrayEquals(expected, z, 1e-5f, "every z shown after the switch is the new model's");
      }
      assertTrue(problems.isEmpty(), problems.toString());
      fx(
          () -> {
            vm.close();
            return null;
          });
    } finally {
      executors.model().submit(other::close).get(10, TimeUnit.SECONDS);
    }
  }

  /** A view-model on the model thread whose first segmentation is shown; problems go to a list. */
  private static LatentViewModel idleViewModel(
      SimpleObjectProperty<Estimator> est, SimpleObjectProperty<Image2D> img, List<String> problems)
      throws Exception {
    LatentViewModel vm =
        fx(() -> new LatentViewModel(est, img, executors.model(), (h, m) -> problems.add(m)));
    LatentFixtures.waitIdle(vm);
    return vm;
  }

  /** The prior mean and sigma of {@code e} for the test image, encoded on the model thread. */
  private static float[][] prior(ProbUNetEstimator e) throws Exception {
    return LatentFixtures.onModelThread(
        executors.model(),
        () -> {
          try (ProbUNetSampler.EncodedImage enc = e.sampler().encode(image)) {
            return new float[][] {enc.priorMean(), enc.priorSigma()};
          }
        });
  }

  private static Image2D flip(Image2D src) {
    int w = src.width();
    int h = src.height();
    float[] px = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = src.grey(w - 1 - x, y);
      }
    }
    return Image2D.grey(w, h, px);
  }
}
