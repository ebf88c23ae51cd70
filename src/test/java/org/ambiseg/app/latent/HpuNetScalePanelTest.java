package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.estimate.HpuNetEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The per-scale controls with a tiny untrained HPU-Net: shown instead of the z sliders; seeds and
 * temperatures change the sample, and with every scale fixed to its mean two seeds give identical
 * pixels.
 */
class HpuNetScalePanelTest {

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();

  @Test
  void fixingEveryScaleToItsMeanMakesTheSeedIrrelevant() throws Exception {
    FxToolkit.registerPrimaryStage();
    List<String> problems = new ArrayList<>();
    try (AppExecutors executors = new AppExecutors()) {
      Estimator hpu = Estimators.open(LatentFixtures.tinyHpuNet(tmp.resolve("hpu")));
      assertTrue(hpu instanceof HpuNetEstimator);
      SimpleObjectProperty<Estimator> est = new SimpleObjectProperty<>(hpu);
      SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(LatentFixtures.disc32());
      LatentViewModel[] holder = new LatentViewModel[1];
      FxToolkit.setupStage(
          stage -> {
            holder[0] = new LatentViewModel(est, img, executors.model(), (h, m) -> problems.add(m));
            stage.setScene(new Scene(new LatentPanel(holder[0]), 520, 600));
            stage.show();
          });
      LatentViewModel vm = holder[0];
      try {
        LatentFixtures.waitIdle(vm);
        assertEquals(LatentKind.SCALES, vm.kindProperty().get());
        assertTrue(robot.lookup("#latent-scales").query().isVisible());
        assertFalse(robot.lookup("#latent-vector").query().isVisible());
        assertEquals(2, vm.scales().size(), "HPUNET_TINY has two latent scales");
        assertNull(vm.zProperty().get(), "no single z vector for an HPU-Net");

        float[] seed1 = vm.probabilityProperty().get();
        robot.clickOn("#latent-new-seed");
        LatentFixtures.waitIdle(vm);
        assertEquals(2, vm.seedProperty().get());
        float[] seed2 = vm.probabilityProperty().get();
        assertFalse(Arrays.equals(seed1, seed2), "another seed draws other latents");

        Slider t0 = robot.lookup("#latent-temperature-0").queryAs(Slider.class);
        robot.interact(() -> t0.setValue(0.0));
        LatentFixtures.waitIdle(vm);
        assertFalse(
            Arrays.equals(seed2, vm.probabilityProperty().get()), "a temperature change alters it");

        robot.clickOn(robot.lookup("#latent-fix-0").queryAs(CheckBox.class));
        robot.clickOn(robot.lookup("#latent-fix-1").queryAs(CheckBox.class));
        LatentFixtures.waitIdle(vm);
        assertTrue(vm.scales().stream().allMatch(s -> s.fixedToMeanProperty().get()));
        int[] pixelsA = LatentFixtures.pixels(vm.overlayProperty().get());
        float[] probA = vm.probabilityProperty().get();

        robot.doubleClickOn("#latent-scale-seed").write("77\n");
        LatentFixtures.waitIdle(vm);
        assertEquals(77, vm.seedProperty().get());
        assertArrayEquals(probA, vm.probabilityProperty().get(), "all scales at the mean");
        assertArrayEquals(pixelsA, LatentFixtures.pixels(vm.overlayProperty().get()));

        robot.clickOn("#latent-vary-local");
        LatentFixtures.waitIdle(vm);
        assertTrue(vm.scales().get(0).fixedToMeanProperty().get());
        assertFalse(vm.scales().get(1).fixedToMeanProperty().get(), "the finest scale varies");
        assertFalse(Arrays.equals(probA, vm.probabilityProperty().get()));
        assertTrue(problems.isEmpty(), problems.toString());
      } finally {
        FxToolkit.setupStage(
            stage -> {
              vm.close();
              stage.hide();
            });
        executors.model().submit(hpu::close).get(10, TimeUnit.SECONDS);
      }
    }
  }
}
