package org.ambiseg.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;

/**
 * Reads the LIDC pickle of the PyTorch Probabilistic U-Net port: a dict {@code {key: {'image':
 * 128x128 float32 in [0, 1], 'masks': [4 binary 128x128 arrays], 'series_uid': str}}}, written by
 * numpy 1 ({@code numpy.core}) or numpy 2 ({@code numpy._core}) with pickle protocol 2 to 5.
 *
 * <p>Only numpy arrays, dtypes and scalars, dicts, lists, tuples, strings and numbers are read; any
 * other Python class in the file is refused with its name ({@link PickleNumpyUnpickler}). The file
 * (which can exceed 2 GB) is streamed once on open; every case is validated then (image range, mask
 * shapes and binariness, the same mask count as most cases) and kept compactly (floats for the
 * image, one bit per mask pixel: about 66 KB per 128x128 case whatever the masks' dtype; binary
 * arrays are packed as soon as they are read, so the heap needed while reading stays close to
 * that). Broken cases are left out and reported in {@link #problems()}.
 *
 * <p>Case id = the dict key. Patient id = {@code series_uid}: the pickle holds no patient id, and
 * the CT series is the closest proxy (one patient may have more than one series, so a split by
 * series can still share a patient across series).
 */
public final class LidcPickleDataset extends IndexedDataset<PickleCase> {

  private final Path file;

  private LidcPickleDataset(Path file, List<PickleCase> cases, List<String> problems) {
    super(DatasetReaders.displayName(file), DatasetFormat.LIDC_PICKLE, cases, problems);
    this.file = file;
  }

  /**
   * Reads and validates the whole pickle; in strict mode the first broken case is thrown.
   *
   * @throws BadInputException naming the file when it is unreadable, not a dict of cases, names a
   *     refused Python class, or (strict) holds a broken case
   */
  public static LidcPickleDataset open(Path file, boolean strict) throws BadInputException {
    Object root = unpickle(file);
    if (!(root instanceof Map<?, ?> map)) {
      throw new BadInputException(
          file, "top level is " + PickleArray.typeName(root) + ", expected a dict of cases");
    }
    ProblemLog log = new ProblemLog(strict);
    List<PickleCase> cases = new ArrayList<>(map.size());
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      String id = String.valueOf(e.getKey());
      try {
        cases.add(PickleCase.from(source(file, id), id, e.getValue()));
      } catch (BadInputException ex) {
        log.add(ex);
      }
      it.remove();
    }
    int raters = DatasetChecks.mostCommon(cases.stream().map(PickleCase::raterCount).toList());
    List<PickleCase> kept = new ArrayList<>(cases.size());
    for (PickleCase c : cases) {
      if (c.raterCount() == raters) {
        kept.add(c);
      } else {
        log.add(
            source(file, c.id()),
            "has " + c.raterCount() + " masks but the other cases have " + raters + "; left out");
      }
    }
    return new LidcPickleDataset(file, kept, log.lines());
  }

  @Override
  Case decode(PickleCase entry) {
    return entry.toCase(source(file, entry.id()));
  }

  private static String source(Path file, String key) {
    return file + " [" + key + "]";
  }

  private static Object unpickle(Path file) throws BadInputException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return new PickleNumpyUnpickler(in, Files.size(file)).read();
    } catch (PickleNumpyUnpickler.RefusedClassException e) {
      throw new BadInputException(
          file,
          "holds the Python class "
              + e.className()
              + ", which is refused (only numpy arrays, dicts, lists, strings and numbers are"
              + " read)",
          e);
    } catch (PickleException | ClassCastException e) {
      throw new BadInputException(file, "not a valid LIDC pickle (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      // e.g. an opcode popping an empty stack: the file is damaged, not our bug
      throw new BadInputException(
          file, "not a valid LIDC pickle (corrupt: " + RasterDecoder.reason(e) + ")", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read pickle (" + e.getMessage() + ")", e);
    }
  }
}
