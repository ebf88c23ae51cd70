package org.ambiseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.ImageReader;

/**
 * Reads samples made by any model from a folder tree, one folder per case: {@code DIR/<id>/<k>.png}
 * are the hard masks (any non-zero pixel is foreground; {@code sample-<k>.png} is read too, so a
 * {@code sample} output folder can be used as a case folder) and optional {@code
 * DIR/<id>/prob-<k>.png} are the foreground probabilities as 8- or 16-bit grey (g / 255 or g /
 * 65535). Case ids that contain '/' (LIDC: patient/nodule/slice) are nested folders. A folder is a
 * case folder when it holds at least one mask file; k orders the samples numerically.
 */
final class SampleFolders {

  private static final Pattern MASK = Pattern.compile("(?:sample-)?(\\d+)\\.png");
  private static final Pattern PROB = Pattern.compile("prob-(\\d+)\\.png");

  /** The samples of one case as read from its folder. */
  record CaseSamples(String id, List<LabelMask> masks, List<float[]> probabilities) {

    /** True when every mask has a probability map. */
    boolean hasProbabilities() {
      return !probabilities.isEmpty();
    }
  }

  private SampleFolders() {}

  /** The case ids of {@code root}, sorted, mapped to their folders. */
  static Map<String, Path> index(Path root) throws BadInputException {
    if (!Files.isDirectory(root)) {
      throw new BadInputException(root, Files.exists(root) ? "is not a folder" : "does not exist");
    }
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        if (!dir.equals(root) && holdsMasks(dir)) {
          out.put(idOf(root, dir), dir);
        }
      }
    } catch (IOException e) {
      throw new BadInputException(root, "cannot list (" + e.getMessage() + ")", e);
    }
    if (out.isEmpty()) {
      throw new BadInputException(root, "holds no sample folders (<id>/<k>.png)");
    }
    return out;
  }

  /** The id of a case folder: its path below the root, with '/' between parts. */
  static String idOf(Path root, Path dir) {
    List<String> parts = new ArrayList<>();
    for (Path p : root.relativize(dir)) {
      parts.add(p.toString());
    }
    return String.join("/", parts);
  }

  private static boolean holdsMasks(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(
          f -> Files.isRegularFile(f) && MASK.matcher(f.getFileName().toString()).matches());
    }
  }

  /**
   * Reads the masks (and probability maps, when there is one for every mask) of one case folder,
   * checking that all have the image's size.
   */
  static CaseSamples read(String id, Path dir, int width, int height) throws BadInputException {
    Map<Integer, Path> maskFiles = numbered(dir, MASK);
    Map<Integer, Path> probFiles = numbered(dir, PROB);
    List<LabelMask> masks = new ArrayList<>();
    for (Path f : maskFiles.values()) {
      LabelMask m = ImageReader.readMask(f);
      checkSize(f, m.width(), m.height(), width, height);
      masks.add(m);
    }
    List<float[]> probs = new ArrayList<>();
    if (!probFiles.isEmpty()) {
      if (!probFiles.keySet().equals(maskFiles.keySet())) {
        throw new BadInputException(
            dir,
            "probability maps "
                + probFiles.keySet()
                + " do not match the masks "
                + maskFiles.keySet());
      }
      for (Path f : probFiles.values()) {
        Image2D p = ImageReader.readImage(f).toGrey();
        checkSize(f, p.width(), p.height(), width, height);
        probs.add(p.pixels());
      }
    }
    return new CaseSamples(id, masks, probs);
  }

  private static Map<Integer, Path> numbered(Path dir, Pattern pattern) throws BadInputException {
    Map<Integer, Path> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = pattern.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        int k;
        try {
          k = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
          throw new BadInputException(f, "sample number too large");
        }
        Path before = out.put(k, f);
        if (before != null) {
          throw new BadInputException(f, "sample " + k + " is also in " + before.getFileName());
        }
      }
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot list (" + e.getMessage() + ")", e);
    }
    return out;
  }

  private static void checkSize(Path f, int w, int h, int width, int height)
      throws BadInputException {
    if (w != width || h != height) {
      throw new BadInputException(
          f, "is " + w + "x" + h + " but the case's image is " + width + "x" + height);
    }
  }
}
