package org.ambiseg.io;

import java.util.Locale;

/** The on-disk dataset layouts AmbiSeg reads, each with the short id used in the CLI and logs. */
public enum DatasetFormat {
  /** {@code images/<id>.png}, {@code masks/<id>/<rater>.png}, optional {@code truth.json}. */
  AMBISEG_FOLDER("ambiseg-folder"),
  /** The LIDC 128x128 PNG export, extracted or as a .zip. */
  LIDC_PNG("lidc-png"),
  /** The PyTorch Probabilistic U-Net port's LIDC pickle. */
  LIDC_PICKLE("lidc-pickle"),
  /** ISIC-style images with one {@code <id>_segmentation.png} mask each. */
  ISIC("isic");

  private final String id;

  DatasetFormat(String id) {
    this.id = id;
  }

  /** The short id, e.g. "lidc-png". */
  public String id() {
    return id;
  }

  /** The format with this id (case-insensitive). */
  public static DatasetFormat fromId(String id) {
    for (DatasetFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset format '" + id + "' (known: ambiseg-folder, lidc-png, lidc-pickle, isic)");
  }
}
