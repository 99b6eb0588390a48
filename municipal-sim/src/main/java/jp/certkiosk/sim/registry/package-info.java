/**
 * The resident register of the simulated municipalities and their book of issuances, in H2 with
 * plain JDBC, seeded with fictional people on first run.
 */
package jp.certkiosk.sim.registry;
