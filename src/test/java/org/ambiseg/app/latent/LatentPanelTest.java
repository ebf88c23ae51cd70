package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.app.ImageCanvas;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.ProbUNetEstimator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The latent panel driven like a person on the shipped sample with the shipped Prob U-Net: drag a
 * slider and the overlay changes; the same position gives the same pixels; reset gives the prior
 * mean's pixels; the pad moves two dimensions; the panel hides for an estimator without latents.
 */
class LatentPanelTest {

  private static AppExecutors executors;
  private static ProbUNetEstimator estimator;
  private static final List<String> PROBLEMS = new ArrayList<>();
  private static SimpleObjectProperty<Estimator> est;
  private static LatentViewModel vm;

  private final FxRobot robot = new FxRobot();

  /** One window for all tests: the image is encoded once (the slow part on a busy machine). */
  @BeforeAll
  static void show() throws Exception {
    FxToolkit.registerPrimaryStage();
    executors = new AppExecutors();
    estimator = ProbUNetEstimator.open(LatentFixtures.PROBUNET);
    est = new SimpleObjectProperty<>(estimator);
    SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(LatentFixtures.sample());
    FxToolkit.setupStage(
        stage -> {
          vm = new LatentViewModel(est, img, executors.model(), (h, m) -> PROBLEMS.add(m));
          stage.setScene(new Scene(new LatentPanel(vm), 520, 760));
          stage.show();
        });
    LatentFixtures.waitIdle(vm);
  }

  @AfterAll
  static void hide() throws Exception {
    FxToolkit.setupStage(
        stage -> {
          vm.close();
          stage.hide();
        });
    executors.model().submit(estimator::close).get(10, TimeUnit.SECONDS);
    executors.close();
  }

  @BeforeEach
  void startAtThePriorMean() throws Exception {
    robot.interact(() -> est.set(estimator));
    robot.interact(vm::resetToPriorMean);
    LatentFixtures.waitIdle(vm);
  }

  @AfterEach
  void noProblems() {
    assertTrue(PROBLEMS.isEmpty(), PROBLEMS.toString());
  }

  private int[] shownPixels() throws Exception {
    LatentFixtures.waitIdle(vm);
    ImageCanvas view = robot.lookup("#latent-overlay").queryAs(ImageCanvas.class);
    return WaitForAsyncUtils.asyncFx(() -> LatentFixtures.pixels(view.getImage()))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void draggingASliderChangesTheOverlayReproducibly() throws Exception {
    int[] atMean = shownPixels();
    Slider slider = robot.lookup("#latent-slider-0").queryAs(Slider.class);
    Node thumb = slider.lookup(".thumb");

    robot.drag(thumb).moveBy(120, 0).release(MouseButton.PRIMARY);
    int[] dragged = shownPixels();
    double position = slider.getValue();
    assertTrue(position > 1.0, "the drag moved the slider to " + position);
    assertFalse(Arrays.equals(atMean, dragged), "moving z1 changes the segmentation");
    float[] zDragged = vm.zProperty().get();

    robot.clickOn("#latent-reset");
    assertArrayEquals(atMean, shownPixels(), "reset gives the prior mean's pixels");
    assertEquals(0.0, slider.getValue());

    robot.interact(() -> slider.setValue(position));
    assertArrayEquals(dragged, shownPixels(), "the same slider position gives the same pixels");
    assertArrayEquals(zDragged, vm.zProperty().get());
  }

  @Test
  void randomZIsSeededAndThePadMovesTwoDimensions() throws Exception {
    robot.doubleClickOn("#latent-seed").write("42\n");
    robot.clickOn("#latent-random");
    int[] first = shownPixels();
    double[] offsets = vm.offsets().stream().mapToDouble(p -> p.get()).toArray();
    assertEquals(43, vm.seedProperty().get(), "the seed advances for the next click");

    robot.doubleClickOn("#latent-seed").write("42\n");
    robot.clickOn("#latent-random");
    assertArrayEquals(first, shownPixels(), "seed 42 again gives the same z and pixels");
    assertArrayEquals(offsets, vm.offsets().stream().mapToDouble(p -> p.get()).toArray());

    robot.clickOn("#latent-reset");
    robot.clickOn("#latent-pad"); // the centre: both pad dimensions at 0
    LatentFixtures.waitIdle(vm);
    Node pad = robot.lookup("#latent-pad").query();
    robot.moveTo(pad).moveBy(-70 + 1, -70 + 1).press(MouseButton.PRIMARY);
    robot.release(MouseButton.PRIMARY);
    LatentFixtures.waitIdle(vm);
    assertEquals(-3.0, vm.offsets().get(0).get(), 0.1, "left edge: z1 at -3 sigma");
    assertEquals(3.0, vm.offsets().get(1).get(), 0.1, "top edge: z2 at +3 sigma");
    assertEquals(0.0, vm.offsets().get(2).get());
  }

  @Test
  void panelHidesForAnEstimatorWithoutLatentSpace() throws Exception {
    Node panel = robot.lookup("#latent-panel").query();
    assertTrue(panel.isVisible());
    assertTrue(robot.lookup("#latent-vector").query().isVisible());
    assertFalse(robot.lookup("#latent-scales").query().isVisible());
    robot.interact(() -> est.set(LatentFixtures.withoutLatentSpace()));
    assertFalse(panel.isVisible());
    robot.interact(() -> est.set(estimator));
    LatentFixtures.waitIdle(vm);
    assertTrue(panel.isVisible());
    assertEquals(6, robot.lookup(".slider").queryAll().size(), "one slider per latent dimension");
  }
}
