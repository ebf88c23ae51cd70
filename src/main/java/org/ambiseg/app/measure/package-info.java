/** The measurements panel: area and longest diameter of every sample as small distributions. */
package org.ambiseg.app.measure;
