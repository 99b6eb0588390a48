/**
 * The municipal endpoint simulator: the reference implementation of the issuance contract that
 * the kiosk is tested against and the demo runs in-process. {@link jp.certkiosk.sim.MunicipalSimulator}
 * starts it; {@link jp.certkiosk.sim.SimulatorMain} runs it on its own. All its municipalities,
 * residents and certificates are fictional test data.
 */
package jp.certkiosk.sim;
