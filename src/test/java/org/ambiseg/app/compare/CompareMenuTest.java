package org.ambiseg.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Capabilities;
import org.ambiseg.estimate.Estimator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The menu action opens one compare window that follows the viewer's session: its model as the
 * first column, and its case, N and seed, which re-compute the column when they change.
 */
class CompareMenuTest {

  private final FxRobot robot = new FxRobot();
  private final ExecutorService modelThread = Executors.newSingleThreadExecutor();
  private CaseSession session;
  private CompareWindow window;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    robot.interact(
        () -> {
          if (window != null) {
            window.stage().close();
          }
          if (session != null) {
            session.close();
          }
        });
    modelThread.shutdown();
    modelThread.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void opensOneWindowFollowingTheSessionsModelCaseNAndSeed() throws Exception {
    ModelEntry shipped = ModelEntry.read(Path.of("models/probunet-shapes"));
    // 4x1 image, one rater marking the first two pixels
    Case c =
        Case.of(
            "tiny",
            Image2D.grey(4, 1, new float[4]),
            List.of(LabelMask.binary(4, 1, new boolean[] {true, true, false, false})));
    robot.interact(
        () -> {
          session =
              new CaseSession(
                  modelThread, (title, text) -> {}, m -> new Prefix(), List.of(shipped));
          session.sampleCountProperty().set(4);
          session.showCase(c);
          session.openModel(shipped.dir());
        });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.samplesProperty().get() != null);

    AtomicReference<CompareWindow> again = new AtomicReference<>();
    robot.interact(
        () -> {
          CompareMenu menu = new CompareMenu(() -> null, session, modelThread, ch -> new Prefix());
          window = menu.open();
          window.stage().setX(0);
          window.stage().setY(0);
          window.stage().setWidth(700);
          window.stage().setHeight(600);
          again.set(menu.open());
        });
    assertSame(window, again.get(), "a second request shows the same window");
    CompareColumn column = waitForResult(0);
    assertEquals("probunet-shapes (probunet) \u00b7 default", column.choice().toString());
    // seed 0: sample i marks the first i + 1 pixels (capped at 4): IoU with the rater 1/2, 1, 2/3,
    // 1/2; HM-IoU matches each sample to the one rater: mean 2/3 = 0.667
    String text = robot.lookup("#compare-metrics-0").queryAs(Label.class).getText();
    assertEquals(true, text.contains("HM-IoU 0.667\n"), text);
    assertEquals(
        "case tiny \u00b7 N = 4 \u00b7 seed 0",
        robot.lookup("#compare-context").queryAs(Label.class).getText());

    robot.interact(
        () -> {
          session.seedProperty().set(1);
          session.sampleCountProperty().set(8);
        });
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> {
          ColumnResult r = column.resultProperty().get();
          return r != null && r.samples().seed() == 1 && r.samples().size() == 8;
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(
        "case tiny \u00b7 N = 8 \u00b7 seed 1",
        robot.lookup("#compare-context").queryAs(Label.class).getText());
  }

  private CompareColumn waitForResult(int i) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            window.stage().isShowing()
                && i < compareColumns().size()
                && compareColumns().get(i).resultProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    return compareColumns().get(i);
  }

  private List<CompareColumn> compareColumns() {
    return new ArrayList<>(window.model().columns());
  }

  /**
   * A stand-in estimator: sample i of seed s marks the first min(i + 1 + s, width) pixels of the
   * first row as foreground.
   */
  private static final class Prefix implements Estimator {

    @Override
    public String name() {
      return "prefix";
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(0, 0, false, "test");
    }

    @Override
    public SampleSet sample(Image2D image, int n, long seed) {
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] p = new float[image.width() * image.height()];
        for (int x = 0; x < Math.min(i + 1 + seed, image.width()); x++) {
          p[x] = 1f;
        }
        out.add(p);
      }
      return SampleSet.of(image.width(), image.height(), out, "prefix", seed);
    }

    @Override
    public void close() {}
  }
}
