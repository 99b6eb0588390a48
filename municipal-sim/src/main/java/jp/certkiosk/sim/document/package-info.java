/**
 * The certificates the simulated municipalities issue, as PDFs (PDFBox, IPAex Mincho): laid out
 * first, checked for glyph coverage, then drawn.
 */
package jp.certkiosk.sim.document;
