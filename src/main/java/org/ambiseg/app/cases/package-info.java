/**
 * Opening datasets and large images in the app: the case browser, recent files, and the region of
 * interest cut from an image larger than the model's input.
 */
package org.ambiseg.app.cases;
