/**
 * An in-process virtual JPKI card for headless runs, vendor tests and unit tests, with
 * fault injection (removal, a card without the JPKI application, garbage answers).
 */
package jp.certkiosk.card.virtual;
