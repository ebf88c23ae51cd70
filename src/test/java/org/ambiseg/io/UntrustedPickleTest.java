package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ambiseg.core.BadInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pickles that name code to run are refused by name before anything is called: a Java class (which
 * a generic Java unpickler might instantiate), Python's os.system and eval, in both the GLOBAL and
 * the protocol-4 STACK_GLOBAL form.
 */
class UntrustedPickleTest {

  @TempDir Path dir;

  /** Protocol 2: PROTO 2, GLOBAL module name, MARK, SHORT_BINUNICODE arg, TUPLE, REDUCE, STOP. */
  private static byte[] globalCall(String module, String name) {
    String text = "c" + module + "\n" + name + "\n(X";
    byte[] head = text.getBytes(StandardCharsets.US_ASCII);
    byte[] arg = "touch /tmp/pwned".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[2 + head.length + 4 + arg.length + 3];
    int i = 0;
    out[i++] = (byte) 0x80;
    out[i++] = 2;
    System.arraycopy(head, 0, out, i, head.length);
    i += head.length;
    out[i++] = (byte) arg.length; // BINUNICODE length, little-endian 4 bytes
    out[i++] = 0;
    out[i++] = 0;
    out[i++] = 0;
    System.arraycopy(arg, 0, out, i, arg.length);
    i += arg.length;
    out[i++] = 't';
    out[i++] = 'R';
    out[i] = '.';
    return out;
  }

  /** Protocol 4: the module and name as strings on the stack, then STACK_GLOBAL. */
  private static byte[] stackGlobal(String module, String name) {
    byte[] m = module.getBytes(StandardCharsets.US_ASCII);
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[2 + 2 + m.length + 2 + n.length + 5];
    int i = 0;
    out[i++] = (byte) 0x80;
    out[i++] = 4;
    out[i++] = (byte) 0x8c; // SHORT_BINUNICODE
    out[i++] = (byte) m.length;
    System.arraycopy(m, 0, out, i, m.length);
    i += m.length;
    out[i++] = (byte) 0x8c;
    out[i++] = (byte) n.length;
    System.arraycopy(n, 0, out, i, n.length);
    i += n.length;
    out[i++] = (byte) 0x93; // STACK_GLOBAL
    out[i++] = ')'; // EMPTY_TUPLE
    out[i++] = 'R';
    out[i++] = '.';
    return java.util.Arrays.copyOf(out, i);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.Runtime:getRuntime",
        "java.lang.ProcessBuilder:start",
        "os:system",
        "posix:system",
        "builtins:eval",
        "subprocess:Popen"
      })
  void picklesNamingCodeAreRefusedByName(String target) throws Exception {
    String module = target.substring(0, target.indexOf(':'));
    String name = target.substring(target.indexOf(':') + 1);
    for (byte[] bytes : new byte[][] {globalCall(module, name), stackGlobal(module, name)}) {
      Path file = Files.write(dir.resolve("evil.pickle"), bytes);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> DatasetReaders.open(file, DatasetFormat.LIDC_PICKLE, false));
      assertEquals(
          file
              + ": holds the Python class "
              + module
              + "."
              + name
              + ", which is refused (only numpy arrays, dicts, lists, strings and numbers are"
              + " read)",
          e.getMessage());
    }
  }
}
