package org.ambiseg.cli;

import picocli.CommandLine.IVersionProvider;

/** Supplies the version line printed by {@code ambiseg --version}. */
public final class VersionProvider implements IVersionProvider {

  /** The project version, taken from the jar manifest when packaged. */
  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "AmbiSeg " + version(), "Java " + System.getProperty("java.version"), "For research use only."
    };
  }
}
