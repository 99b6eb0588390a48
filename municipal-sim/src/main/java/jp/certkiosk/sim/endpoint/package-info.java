/**
 * Version 1 of the issuance contract over HTTPS (Jersey): challenges, sessions authenticated by a
 * card's signature, issuances bound to session and card, and print confirmations.
 */
package jp.certkiosk.sim.endpoint;
