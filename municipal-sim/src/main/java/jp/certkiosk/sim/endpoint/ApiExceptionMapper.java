package jp.certkiosk.sim.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ErrorCode;

/**
 * Answers every failure with the contract's {@link ApiError}: the code and a fixed detail, never
 * the request's contents, a record's contents or a stack trace.
 */
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = System.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException refusal) {
            return error(refusal.status(), refusal.code(), refusal.getMessage());
        }
        if (failure instanceof JsonProcessingException || failure.getCause() instanceof JsonProcessingException) {
            return error(400, ErrorCode.BAD_REQUEST, "the body is not the expected JSON");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return error(status, ErrorCode.BAD_REQUEST, web.getResponse().getStatusInfo().getReasonPhrase());
            }
        }
        LOG.log(Level.ERROR, "internal error: " + failure.getClass().getName(), failure);
        return error(500, ErrorCode.INTERNAL, "internal error");
    }

    private static Response error(int status, ErrorCode code, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, detail)).build();
    }
}
