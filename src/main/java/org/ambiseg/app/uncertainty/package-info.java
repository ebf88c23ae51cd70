/** The uncertainty view: heatmaps of a sample set's spread over the image, legend and read-out. */
package org.ambiseg.app.uncertainty;
