package org.ambiseg.io;

import java.util.List;
import org.ambiseg.core.BadInputException;

/**
 * Named files under one root, read whole: a zip ({@link SafeZip}) or a folder ({@link FolderTree}).
 */
interface EntrySource extends AutoCloseable {

  /** Most bytes one entry may hold (counted while reading, not taken from any header). */
  long MAX_ENTRY_BYTES = 64L << 20;

  /** Relative names of all files, '/'-separated, in no particular order. */
  List<String> fileNames();

  /** The bytes of one file, at most {@link #MAX_ENTRY_BYTES}. */
  byte[] read(String name) throws BadInputException;

  /** The name as shown in messages: the full path, or {@code archive.zip!/entry}. */
  String describe(String name);

  @Override
  void close();
}
