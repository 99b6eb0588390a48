package jp.certkiosk.app.endpoint;

import jp.certkiosk.api.ErrorCode;

/**
 * The answer of the municipal endpoint as a value: the thing asked for, a refusal with its stable
 * code, or no usable answer at all (network down, timeout, garbage).
 */
public sealed interface EndpointResult<T> {
    record Ok<T>(T value) implements EndpointResult<T> {}

    record Refused<T>(ErrorCode code, String detail) implements EndpointResult<T> {}

    record Unavailable<T>(String reason) implements EndpointResult<T> {}
}
