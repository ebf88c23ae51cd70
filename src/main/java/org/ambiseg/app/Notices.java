package org.ambiseg.app;

import org.ambiseg.cli.VersionProvider;

/** The fixed texts the app must show: intended use, licences and data attribution. */
public final class Notices {

  /** Shown in the status bar at all times. */
  public static final String RESEARCH_USE = "For research use only \u2014 not for diagnosis";

  private Notices() {}

  /** The About text: version, intended use, licence and the LIDC-IDRI attribution. */
  public static String about() {
    return String.join(
        "\n",
        "AmbiSeg " + VersionProvider.version(),
        "Annotation ambiguity in medical image segmentation: sample, inspect and measure"
            + " distributions of plausible segmentations.",
        "",
        "For research use only, not for diagnosis.",
        "",
        "Licence: Apache License 2.0 (Apache-2.0).",
        "",
        "LIDC-IDRI data: models trained on LIDC-IDRI use data from The Cancer Imaging Archive,"
            + " licensed CC BY 3.0 (the images are not shipped). Please cite:",
        "  Armato SG III et al., The Lung Image Database Consortium (LIDC) and Image Database"
            + " Resource Initiative (IDRI). Med. Phys. 38(2):915-931 (2011).",
        "  TCIA data citation: doi:10.7937/K9/TCIA.2015.LO9QL9SX.",
        "  Clark K et al., The Cancer Imaging Archive (TCIA). J Digit Imaging 26(6):1045-1057"
            + " (2013).");
  }
}
