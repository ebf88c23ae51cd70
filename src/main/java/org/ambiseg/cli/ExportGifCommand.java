package org.ambiseg.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ambiseg.core.BadInputException;
import org.ambiseg.io.AnimatedGifWriter;
import org.ambiseg.io.render.Captions;
import org.ambiseg.io.render.OverlayRenderer;
import org.ambiseg.io.render.OverlayStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg export-gif}: draws N samples for one image and writes them as a looping animated
 * GIF, one frame per sample: the sample's mask over the grey image (outline or filled), enlarged by
 * --scale with nearest-neighbour sampling, labelled "sample k/n, seed S" (k counting from 1) in the
 * top-left corner. Each frame shows for 100 / fps hundredths of a second (rounded, at least 1).
 */
@Command(
    name = "export-gif",
    mixinStandardHelpOptions = true,
    description = "Write a looping animated GIF of N samples overlaid on an image.")
public final class ExportGifCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model folder")
  Path model;

  @Option(names = "--image", required = true, description = "image file")
  Path image;

  @Option(
      names = {"-n", "--samples"},
      defaultValue = "16",
      description = "number of samples = frames (default ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "GIF file to write")
  Path out;

  @Option(
      names = "--fps",
      defaultValue = "4",
      description = "frames per second (default ${DEFAULT-VALUE})")
  double fps;

  @Option(
      names = "--scale",
      defaultValue = "3",
      description = "integer enlargement (default ${DEFAULT-VALUE})")
  int scale;

  @Option(
      names = "--style",
      defaultValue = "outline",
      description = "outline or fill (default ${DEFAULT-VALUE})")
  String style;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description = "probability at which a pixel is foreground (default ${DEFAULT-VALUE})")
  float threshold;

  @Option(
      names = "--estimator",
      defaultValue = "default",
      description =
          "default (the model's own) or tta (test-time augmentation of a unet or mcdropout model)")
  String estimatorKind;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  /** Frame delay in hundredths of a second for a frame rate: round(100 / fps), at least 1. */
  static int delayCentiseconds(double fps) {
    return (int) Math.max(1, Math.round(100.0 / fps));
  }

  @Override
  public Integer call() throws BadInputException, IOException {
    CommandLine cl = spec.commandLine();
    if (!(fps > 0 && fps <= 100)) {
      throw new CommandLine.ParameterException(cl, "--fps must be in (0, 100], got " + fps);
    }
    if (scale < 1 || scale > 32) {
      throw new CommandLine.ParameterException(cl, "--scale must be 1..32, got " + scale);
    }
    OverlayStyle overlayStyle =
        switch (style.toLowerCase(Locale.ROOT)) {
          case "outline" -> OverlayStyle.OUTLINE;
          case "fill" -> OverlayStyle.FILL;
          default ->
              throw new CommandLine.ParameterException(
                  cl, "--style must be outline or fill, got " + style);
        };
    if (!(threshold > 0f && threshold <= 1f)) {
      throw new CommandLine.ParameterException(
          cl, "--threshold must be in (0, 1], got " + threshold);
    }
    SampledImage run = SampledImage.draw(model, estimatorKind, image, samples, seed);
    for (String w : run.warnings()) {
      cl.getErr().println("warning: " + w);
    }
    int n = run.samples().size();
    List<BufferedImage> frames = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      BufferedImage frame =
          OverlayRenderer.overlay(
              run.image(),
              run.mask(k, threshold),
              scale,
              overlayStyle,
              OverlayRenderer.DEFAULT_COLOUR);
      Captions.draw(frame, "sample " + (k + 1) + "/" + n + ", seed " + seed, 1, 1);
      frames.add(frame);
    }
    int delay = delayCentiseconds(fps);
    AnimatedGifWriter.write(out, frames, delay, true);
    cl.getOut()
        .printf(
            "%d frames (%dx%d, %d/100 s each, looping) written to %s%n",
            n, frames.get(0).getWidth(), frames.get(0).getHeight(), delay, out);
    cl.getOut().flush();
    return 0;
  }
}
