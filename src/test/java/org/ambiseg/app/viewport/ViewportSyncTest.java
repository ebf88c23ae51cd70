package org.ambiseg.app.viewport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two views of different sizes share one viewport: wheel, drag and double-click in one move both,
 * and both keep showing the same image point at their centres. The 8 x 6 test image has a distinct
 * grey level at every pixel (level = 5 (y * 8 + x) + 10), so a screen colour names its pixel.
 */
class ViewportSyncTest {

  private static final int W = 8;
  private static final int H = 6;

  private final FxRobot robot = new FxRobot();
  private final Viewport viewport = new Viewport();
  private ViewportCanvas left;
  private ViewportCanvas right;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void show() throws Exception {
    FxToolkit.setupStage(
        stage -> {
          left = new ViewportCanvas(viewport, 4);
          right = new ViewportCanvas(viewport, 4);
          left.setPrefSize(320, 240);
          right.setPrefSize(200, 300);
          left.imageProperty().set(numberedImage());
          right.imageProperty().set(numberedImage());
          stage.setScene(new Scene(new HBox(left, right), 520, 300));
          // the primary stage is shared with earlier tests that sized and moved it: fit it to
          // this scene and put it fully on screen, where the robot's cursor reaches both views
          stage.sizeToScene();
          stage.setX(0);
          stage.setY(0);
          stage.show();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws TimeoutException {
    FxToolkit.cleanupStages();
  }

  @Test
  void wheelZoomsAroundTheCursorInBothViews() throws Exception {
    ViewTransform before = left.transform();
    robot.moveTo(left.localToScreen(before.toScreenX(2.5), before.toScreenY(1.5)));
    List<Double> notches = new ArrayList<>();
    List<Point2D> at = new ArrayList<>();
    left.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          notches.add(ViewportCanvas.notches(e));
          at.add(new Point2D(e.getX(), e.getY()));
        });
    // Monocle's robot delivers "down" as positive deltaY, the sign a desktop gives for turning the
    // wheel away from the user, which zooms in
    robot.scroll(2, VerticalDirection.DOWN);
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of(1.0, 1.0), notches, "two notches away from the user");
    ViewState state = viewport.getState();
    assertEquals(1.25 * 1.25, state.zoom(), 1e-9, "zoomed in by 1.25 per notch");
    ViewTransform after = left.transform();
    Point2D cursor = at.get(0); // the robot lands on whole screen pixels: near (2.5, 1.5)
    assertEquals(2.5, before.toImageX(cursor.getX()), 0.1);
    assertEquals(
        before.toImageX(cursor.getX()),
        after.toImageX(cursor.getX()),
        1e-9,
        "same image point under the cursor");
    assertEquals(before.toImageY(cursor.getY()), after.toImageY(cursor.getY()), 1e-9);
    assertEquals(before.scale() * state.zoom(), after.scale(), 1e-9);

    // the other view shows the same image point at its centre, at its own fit times the zoom
    ViewTransform other = right.transform();
    double centreX = state.centreU() * W;
    double centreY = state.centreV() * H;
    assertEquals(centreX, other.toImageX(right.getWidth() / 2), 1e-9);
    assertEquals(centreY, other.toImageY(right.getHeight() / 2), 1e-9);
    assertEquals(right.geometry().fitScale() * state.zoom(), other.scale(), 1e-9);

    // and draws the pixel there in its colour
    WritableImage snap =
        WaitForAsyncUtils.asyncFx(() -> right.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    int px = (int) Math.floor(other.toImageX(100));
    int py = (int) Math.floor(other.toImageY(150));
    int level = level(px, py);
    assertEquals(
        0xFF000000 | level << 16 | level << 8 | level,
        snap.getPixelReader().getArgb(100, 150),
        "pixel " + px + "," + py + " at the centre of the other view");
  }

  @Test
  void dragPansAndDoubleClickFits() throws Exception {
    robot.interact(() -> viewport.stateProperty().set(new ViewState(4, 0.5, 0.5)));
    ViewTransform t = left.transform();
    Point2D start = left.localToScreen(160, 120);
    robot.drag(start, MouseButton.PRIMARY).dropTo(start.add(-40, 30));
    WaitForAsyncUtils.waitForFxEvents();

    ViewState panned = viewport.getState();
    // du = -dx / (scale w), dv = -dy / (scale h)
    double tolerance = 1.0 / (t.scale() * W); // one screen pixel of slack
    assertEquals(0.5 + 40 / (t.scale() * W), panned.centreU(), tolerance);
    assertEquals(0.5 - 30 / (t.scale() * H), panned.centreV(), tolerance);
    assertEquals(4, panned.zoom(), 1e-12);

    robot.doubleClickOn(right, MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(ViewState.FIT, viewport.getState());
  }

  @Test
  void hoveredPixelFollowsTheMouse() {
    ViewTransform t = left.transform();
    robot.moveTo(left.localToScreen(t.toScreenX(6.5), t.toScreenY(4.5)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(new ImagePixel(6, 4), left.hoveredPixelProperty().get());
    robot.moveTo(right);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(null, left.hoveredPixelProperty().get(), "mouse left the view");
  }

  private static int level(int x, int y) {
    return 5 * (y * W + x) + 10;
  }

  private static WritableImage numberedImage() {
    int[] argb = new int[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int g = level(x, y);
        argb[y * W + x] = 0xFF000000 | g << 16 | g << 8 | g;
      }
    }
    WritableImage img = new WritableImage(W, H);
    img.getPixelWriter().setPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), argb, 0, W);
    return img;
  }
}
