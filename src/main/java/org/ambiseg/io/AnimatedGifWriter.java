package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.ambiseg.core.ProgressMonitor;

/**
 * Writes an animated GIF with the JDK's GIF writer, atomically (see {@link AtomicFiles}): one frame
 * per image, each shown for the same delay, looping forever if asked.
 *
 * <p>Each frame's metadata carries a Graphic Control Extension with {@code delayTime} in hundredths
 * of a second and disposal "restoreToBackgroundColor"; looping is the {@code NETSCAPE2.0}
 * application extension with loop count 0 (= forever), written into the first frame, as is the
 * optional comment extension (e.g. an {@link ExportStamp}'s text). Frames with more than 256
 * colours are reduced to a palette by the writer.
 */
public final class AnimatedGifWriter {

  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private AnimatedGifWriter() {}

  /**
   * Writes {@code frames} (all the same size) to {@code target}.
   *
   * @param delayCentiseconds how long each frame is shown, in 1/100 s (at least 1)
   * @param loop true to repeat forever, false to play once
   */
  public static void write(
      Path target, List<BufferedImage> frames, int delayCentiseconds, boolean loop)
      throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("an animated GIF needs at least one frame");
    }
    write(
        target,
        frames.size(),
        frames::get,
        delayCentiseconds,
        loop,
        Optional.empty(),
        ProgressMonitor.NONE);
  }

  /**
   * Writes {@code frameCount} frames, rendered one at a time by {@code frame} (so a long animation
   * never holds all its frames), with an optional comment extension in the first frame, reporting
   * one unit of work per frame to {@code monitor}.
   *
   * <p>The comment is stored as Latin-1 text (other characters become '?'). When {@code monitor} is
   * cancelled between two frames the write stops with a {@link CancellationException} and, as on
   * any failure, no file is left behind (an existing {@code target} is kept as it was).
   *
   * @param delayCentiseconds how long each frame is shown, in 1/100 s (at least 1)
   * @param loop true to repeat forever, false to play once
   * @throws IllegalArgumentException for no frames, a bad delay or frames of different sizes
   */
  public static void write(
      Path target,
      int frameCount,
      IntFunction<BufferedImage> frame,
      int delayCentiseconds,
      boolean loop,
      Optional<String> comment,
      ProgressMonitor monitor)
      throws IOException {
    if (frameCount < 1) {
      throw new IllegalArgumentException("an animated GIF needs at least one frame");
    }
    if (delayCentiseconds < 1 || delayCentiseconds > 65535) {
      throw new IllegalArgumentException(
          "frame delay must be 1..65535 hundredths of a second, got " + delayCentiseconds);
    }
    monitor.begin("Writing " + target.getFileName(), frameCount);
    AtomicFiles.write(
        target,
        out -> {
          ImageWriter writer = gifWriter();
          try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            int w = -1;
            int h = -1;
            for (int i = 0; i < frameCount; i++) {
              if (monitor.isCancelled()) {
                throw new CancellationException("GIF export cancelled");
              }
              BufferedImage image = frame.apply(i);
              if (i == 0) {
                w = image.getWidth();
                h = image.getHeight();
              } else if (image.getWidth() != w || image.getHeight() != h) {
                throw new IllegalArgumentException("GIF frames must all be " + w + "x" + h);
              }
              IIOMetadata meta =
                  frameMetadata(
                      writer,
                      image,
                      delayCentiseconds,
                      loop && i == 0,
                      i == 0 ? comment : Optional.empty());
              writer.writeToSequence(new IIOImage(image, null, meta), null);
              monitor.worked(1);
            }
            writer.endWriteSequence();
          } finally {
            writer.dispose();
          }
        });
  }

  private static ImageWriter gifWriter() throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("no GIF writer installed");
    }
    return writers.next();
  }

  /** Metadata of one frame: its delay and, on the first frame of a looping GIF, the loop. */
  private static IIOMetadata frameMetadata(
      ImageWriter writer,
      BufferedImage frame,
      int delay,
      boolean withLoop,
      Optional<String> comment)
      throws IOException {
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata meta =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);

    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "restoreToBackgroundColor");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delay));
    control.setAttribute("transparentColorIndex", "0");

    if (withLoop) {
      IIOMetadataNode extensions = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      // sub-block 1, then the loop count as a little-endian 16-bit number: 0 = forever
      app.setUserObject(new byte[] {1, 0, 0});
      extensions.appendChild(app);
    }
    if (comment.isPresent()) {
      IIOMetadataNode comments = child(root, "CommentExtensions");
      IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
      text.setAttribute("value", PngWriter.latin1(comment.get()));
      comments.appendChild(text);
    }
    try {
      meta.setFromTree(FORMAT, root);
    } catch (IIOInvalidTreeException e) {
      throw new IOException("cannot build GIF frame metadata: " + e.getMessage(), e);
    }
    return meta;
  }

  /** The child node called {@code name}, created when missing. */
  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
