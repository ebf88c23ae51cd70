package org.ambiseg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** Reads an animated GIF back for tests: frame count, per-frame delays and the loop extension. */
public record GifFrames(int count, int width, int height, List<Integer> delays, byte[] loopBlock) {

  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  /** Reads {@code file} with ImageIO's GIF reader. */
  public static GifFrames read(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      try {
        reader.setInput(in);
        int n = reader.getNumImages(true);
        List<Integer> delays = new ArrayList<>();
        byte[] loop = null;
        for (int i = 0; i < n; i++) {
          IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
          for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals("GraphicControlExtension")) {
              delays.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
            }
            if (c.getNodeName().equals("ApplicationExtensions")) {
              for (Node a = c.getFirstChild(); a != null; a = a.getNextSibling()) {
                IIOMetadataNode app = (IIOMetadataNode) a;
                if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                    && "2.0".equals(app.getAttribute("authenticationCode"))) {
                  loop = (byte[]) app.getUserObject();
                }
              }
            }
          }
        }
        return new GifFrames(n, reader.getWidth(0), reader.getHeight(0), delays, loop);
      } finally {
        reader.dispose();
      }
    }
  }

  /** True when the NETSCAPE2.0 extension asks to loop forever (loop count 0). */
  public boolean loopsForever() {
    return loopBlock != null
        && loopBlock.length == 3
        && loopBlock[0] == 1
        && loopBlock[1] == 0
        && loopBlock[2] == 0;
  }
}
