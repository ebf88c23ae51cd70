package org.ambiseg.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayStyle;

/**
 * The state behind the GIF export dialog: the export choices as properties, a preview that plays
 * the frames at the chosen rate exactly as they will be written, and the write itself, run on a
 * background executor with progress and cancel (a cancelled write leaves no file).
 *
 * <p>All methods are called on the FX thread.
 */
public final class GifExportViewModel {

  private final Image2D image;
  private final FrameSource frames;
  private final ExportStamp stamp;
  private final ExportFileChooser chooser;
  private final Executor executor;
  private final ProblemReporter problems;
  private final GifWriteJob job;

  private final ObjectProperty<Double> fps = new SimpleObjectProperty<>(4.0);
  private final BooleanProperty loopForever = new SimpleBooleanProperty(true);
  private final ObjectProperty<OverlayStyle> style =
      new SimpleObjectProperty<>(OverlayStyle.OUTLINE);
  private final ObjectProperty<Color> colour =
      new SimpleObjectProperty<>(toColor(OverlayLook.defaults().rgb()));
  private final DoubleProperty opacity = new SimpleDoubleProperty(1.0);
  private final BooleanProperty frameLabels = new SimpleBooleanProperty(true);
  private final ObjectProperty<Integer> scale = new SimpleObjectProperty<>(3);
  private final BooleanProperty caption = new SimpleBooleanProperty(true);

  private final ReadOnlyIntegerWrapper previewIndex = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<Image> previewImage = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper previewLabel = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>();

  private final Image[] previewCache;
  private Timeline preview;
  private WriteTask current;

  /**
   * A view-model exporting {@code frames} over {@code image}, stamped with {@code stamp}; the
   * target file comes from {@code chooser}, the write runs on {@code executor} (e.g. the app's io
   * executor), failures go to {@code problems}.
   */
  public GifExportViewModel(
      Image2D image,
      FrameSource frames,
      ExportStamp stamp,
      ExportFileChooser chooser,
      Executor executor,
      ProblemReporter problems) {
    this(image, frames, stamp, chooser, executor, problems, GifExport::write);
  }

  GifExportViewModel(
      Image2D image,
      FrameSource frames,
      ExportStamp stamp,
      ExportFileChooser chooser,
      Executor executor,
      ProblemReporter problems,
      GifWriteJob job) {
    this.image = Objects.requireNonNull(image, "image");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.stamp = Objects.requireNonNull(stamp, "stamp");
    this.chooser = Objects.requireNonNull(chooser, "chooser");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.job = Objects.requireNonNull(job, "job");
    if (image.width() != frames.width() || image.height() != frames.height()) {
      throw new IllegalArgumentException("the frames and the image differ in size");
    }
    this.previewCache = new Image[frames.size()];
    for (Observable o : new Observable[] {style, colour, opacity, frameLabels, scale, caption}) {
      o.addListener(x -> lookChanged());
    }
    fps.addListener(x -> restartPreview());
    showFrame(0);
  }

  /** Frames per second, in (0, 100]. */
  public ObjectProperty<Double> fpsProperty() {
    return fps;
  }

  /** True to loop forever, false to play once. */
  public BooleanProperty loopForeverProperty() {
    return loopForever;
  }

  /** Outline or fill. */
  public ObjectProperty<OverlayStyle> styleProperty() {
    return style;
  }

  /** Overlay colour (its alpha is ignored: see {@link #opacityProperty()}). */
  public ObjectProperty<Color> colourProperty() {
    return colour;
  }

  /** Overlay opacity in [0, 1]. */
  public DoubleProperty opacityProperty() {
    return opacity;
  }

  /** True to label frames ("sample 3/16"). */
  public BooleanProperty frameLabelsProperty() {
    return frameLabels;
  }

  /** Nearest-neighbour enlargement, 1..{@value GifSettings#MAX_SCALE}. */
  public ObjectProperty<Integer> scaleProperty() {
    return scale;
  }

  /** True to draw the stamp caption. */
  public BooleanProperty captionProperty() {
    return caption;
  }

  /** Index of the frame the preview shows. */
  public ReadOnlyIntegerProperty previewIndexProperty() {
    return previewIndex.getReadOnlyProperty();
  }

  /** The preview frame, rendered exactly as it will be written. */
  public ReadOnlyObjectProperty<Image> previewImageProperty() {
    return previewImage.getReadOnlyProperty();
  }

  /** The preview frame's label ("sample 3/16"). */
  public ReadOnlyStringProperty previewLabelProperty() {
    return previewLabel.getReadOnlyProperty();
  }

  /** True while a GIF is being written. */
  public ReadOnlyBooleanProperty writingProperty() {
    return writing.getReadOnlyProperty();
  }

  /** Progress of the current write in [0, 1] (or -1 before it knows its size). */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** One line about the last write: in progress, written, cancelled or failed. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last file written completely. */
  public ReadOnlyObjectProperty<Path> lastWrittenProperty() {
    return lastWritten.getReadOnlyProperty();
  }

  /** Number of frames. */
  public int frameCount() {
    return frames.size();
  }

  /** The current choices; fails on an out-of-range value. */
  public GifSettings settings() {
    OverlayLook look = new OverlayLook(style.get(), toRgb(colour.get()), opacity.get());
    return new GifSettings(
        fps.get(), loopForever.get(), look, frameLabels.get(), scale.get(), caption.get());
  }

  /** Starts playing the preview at the chosen frame rate (always looping). */
  public void startPreview() {
    stopPreview();
    preview =
        new Timeline(
            new KeyFrame(
                Duration.millis(10.0 * settings().delayCentiseconds()),
                e -> showFrame((previewIndex.get() + 1) % frames.size())));
    preview.setCycleCount(Animation.INDEFINITE);
    preview.play();
  }

  /** Stops the preview on its current frame. */
  public void stopPreview() {
    if (preview != null) {
      preview.stop();
      preview = null;
    }
  }

  /** True while the preview plays. */
  public boolean isPreviewPlaying() {
    return preview != null && preview.getStatus() == Animation.Status.RUNNING;
  }

  /** Shows frame {@code index} in the preview. */
  public void showFrame(int index) {
    if (previewCache[index] == null) {
      BufferedImage frame = FrameRenderer.render(image, frames, index, settings(), stamp);
      previewCache[index] = SwingFXUtils.toFXImage(frame, null);
    }
    previewIndex.set(index);
    previewLabel.set(frames.label(index));
    previewImage.set(previewCache[index]);
  }

  /** Asks {@code chooser} for a target and writes the GIF there; nothing when cancelled. */
  public void export(Window owner) {
    if (writing.get()) {
      return;
    }
    String suggested = stamp.model() + "-seed" + stamp.seed() + "-n" + frames.size();
    Optional<Path> target = chooser.chooseSaveTarget(owner, ExportFileType.GIF, suggested);
    target.ifPresent(this::writeTo);
  }

  /** Writes the GIF to {@code target} in the background with the current choices. */
  public void writeTo(Path target) {
    if (writing.get()) {
      throw new IllegalStateException("a GIF is already being written");
    }
    WriteTask task = new WriteTask(target, settings());
    current = task;
    writing.set(true);
    progress.bind(task.progressProperty());
    status.set("Writing " + target.getFileName() + "\u2026");
    executor.execute(
        () -> {
          try {
            task.run();
          } finally {
            Platform.runLater(() -> finished(task));
          }
        });
  }

  /** Cancels the write in progress; the target file is not created (or keeps its old content). */
  public void cancel() {
    if (current != null) {
      current.cancel(false);
      status.set("Cancelling\u2026");
    }
  }

  /** Stops the preview and cancels any write: call when the dialog closes. */
  public void dispose() {
    stopPreview();
    cancel();
  }

  private void finished(WriteTask task) {
    if (current == task) {
      current = null;
    }
    progress.unbind();
    writing.set(false);
    String name = String.valueOf(task.target.getFileName());
    switch (task.getState()) {
      case SUCCEEDED -> {
        progress.set(1);
        lastWritten.set(task.target);
        status.set(
            "Wrote "
                + name
                + ": "
                + frames.size()
                + " frames, "
                + frames.width() * task.settings.scale()
                + " \u00d7 "
                + frames.height() * task.settings.scale());
      }
      case CANCELLED -> {
        progress.set(0);
        status.set("Cancelled: " + name + " was not written");
      }
      default -> {
        progress.set(0);
        Throwable e = task.getException();
        String why = e == null ? "unknown error" : String.valueOf(e.getMessage());
        status.set("Failed: " + name + " was not written");
        problems.report("Cannot write " + name, task.target + ": " + why);
      }
    }
  }

  private void lookChanged() {
    Arrays.fill(previewCache, null);
    showFrame(previewIndex.get());
  }

  private void restartPreview() {
    if (isPreviewPlaying()) {
      startPreview();
    }
  }

  private static Color toColor(int rgb) {
    return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
  }

  private static int toRgb(Color c) {
    int r = (int) Math.round(c.getRed() * 255);
    int g = (int) Math.round(c.getGreen() * 255);
    int b = (int) Math.round(c.getBlue() * 255);
    return r << 16 | g << 8 | b;
  }

  /** The background write: a Task that is its own progress monitor. */
  private final class WriteTask extends Task<Void> implements ProgressMonitor {

    private final Path target;
    private final GifSettings settings;
    private long total = -1;
    private long done;

    WriteTask(Path target, GifSettings settings) {
      this.target = target;
      this.settings = settings;
    }

    @Override
    protected Void call() throws Exception {
      job.write(target, image, frames, settings, stamp, this);
      return null;
    }

    @Override
    public void begin(String task, long totalWork) {
      total = totalWork;
      done = 0;
    }

    @Override
    public void worked(long units) {
      done += units;
      if (total > 0) {
        updateProgress(done, total);
      }
    }
  }
}
