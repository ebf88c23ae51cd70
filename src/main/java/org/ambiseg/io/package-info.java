/**
 * Reading and writing images, masks and datasets, and exporting results (PNG, CSV, animated GIF).
 */
package org.ambiseg.io;
