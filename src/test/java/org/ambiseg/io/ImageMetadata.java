package org.ambiseg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** Reads exported files' text metadata back with ImageIO, for tests: PNG tEXt and GIF comments. */
public final class ImageMetadata {

  private ImageMetadata() {}

  /** The PNG's tEXt chunks, keyword to value, in file order. */
  public static Map<String, String> pngText(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n : nodes(file, "png", "javax_imageio_png_1.0", 0, "tEXt")) {
      for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
        IIOMetadataNode entry = (IIOMetadataNode) e;
        out.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
      }
    }
    return out;
  }

  /** The comment extensions of a GIF's first frame. */
  public static List<String> gifComments(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (Node n : nodes(file, "gif", "javax_imageio_gif_image_1.0", 0, "CommentExtensions")) {
      for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
        out.add(((IIOMetadataNode) e).getAttribute("value"));
      }
    }
    return out;
  }

  private static List<Node> nodes(Path file, String format, String tree, int image, String name)
      throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
      try {
        reader.setInput(in);
        Node root = reader.getImageMetadata(image).getAsTree(tree);
        List<Node> out = new ArrayList<>();
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c.getNodeName().equals(name)) {
            out.add(c);
          }
        }
        return out;
      } finally {
        reader.dispose();
      }
    }
  }
}
