package org.ambiseg.io;

import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.razorvine.pickle.PickleException;

/**
 * A numpy dtype as unpickled from {@code numpy.dtype(typestr, align, copy)} plus its BUILD state:
 * the kind ({@code f} float, {@code i} signed, {@code u} unsigned, {@code b} bool), the item size
 * in bytes and the byte order. Other kinds (objects, strings, records) are refused.
 */
final class PickleDtype {

  private static final Pattern TYPESTR = Pattern.compile("^([<>|=]?)([fiub])(\\d+)$");

  private final char kind;
  private final int itemSize;
  private ByteOrder order;

  private PickleDtype(char kind, int itemSize, ByteOrder order) {
    this.kind = kind;
    this.itemSize = itemSize;
    this.order = order;
  }

  /** Parses a typestr such as {@code f4}, {@code <f8}, {@code u1} or {@code b1}. */
  static PickleDtype parse(String typestr) {
    Matcher m = TYPESTR.matcher(typestr);
    if (!m.matches()) {
      throw new PickleException("unsupported numpy dtype '" + typestr + "'");
    }
    char kind = m.group(2).charAt(0);
    int size = Integer.parseInt(m.group(3));
    boolean ok =
        switch (kind) {
          case 'f' -> size == 4 || size == 8;
          case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
          default -> size == 1;
        };
    if (!ok) {
      throw new PickleException("unsupported numpy dtype '" + typestr + "'");
    }
    return new PickleDtype(kind, size, byteOrder(m.group(1)));
  }

  /** Applies the pickled state {@code (version, byteorder, ...)}. */
  void setState(Object[] state) {
    if (state.length < 2 || !(state[1] instanceof String bo)) {
      throw new PickleException("unexpected numpy dtype state of length " + state.length);
    }
    order = byteOrder(bo);
  }

  char kind() {
    return kind;
  }

  int itemSize() {
    return itemSize;
  }

  ByteOrder order() {
    return order;
  }

  boolean isFloat() {
    return kind == 'f';
  }

  @Override
  public String toString() {
    return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
  }

  private static ByteOrder byteOrder(String s) {
    return switch (s) {
      case ">" -> ByteOrder.BIG_ENDIAN;
      case "<", "|", "=", "" -> ByteOrder.LITTLE_ENDIAN;
      default -> throw new PickleException("unknown numpy byte order '" + s + "'");
    };
  }
}
