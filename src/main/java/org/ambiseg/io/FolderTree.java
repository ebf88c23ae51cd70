package org.ambiseg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ambiseg.core.BadInputException;

/**
 * All files under a folder (recursively, symbolic links not followed) as an {@link EntrySource};
 * names start with the folder's own name (so a patient folder keeps its patient id in the names).
 */
final class FolderTree implements EntrySource {

  private final Path root;
  private final List<String> names;

  private FolderTree(Path root, List<String> names) {
    this.root = root;
    this.names = names;
  }

  /** Lists every regular file under {@code folder}. */
  static FolderTree open(Path folder) throws BadInputException {
    Path root = folder.getParent() != null ? folder : folder.toAbsolutePath();
    Path base = root.getParent();
    try (Stream<Path> s = Files.walk(root)) {
      List<String> names =
          s.filter(Files::isRegularFile)
              .map(p -> base.relativize(p).toString().replace('\\', '/'))
              .toList();
      return new FolderTree(base, names);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(folder, "cannot list folder (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public List<String> fileNames() {
    return names;
  }

  @Override
  public byte[] read(String name) throws BadInputException {
    Path file = root.resolve(name);
    try (InputStream in = Files.newInputStream(file)) {
      return SafeZip.readCapped(in, 8192, file.toString());
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String describe(String name) {
    return root.resolve(name).toString();
  }

  @Override
  public void close() {}
}
