package org.ambiseg.app.viewport;

/**
 * One pixel of an image: column x and row y, counted from the top-left corner.
 *
 * @param x column, from 0
 * @param y row, from 0
 */
public record ImagePixel(int x, int y) {}
