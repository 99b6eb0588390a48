package jp.certkiosk.sim.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jp.certkiosk.api.ApiJson;

/** Gives Jersey's Jackson provider the contract's mapper: ISO instants, base64 bytes. */
public final class ApiObjectMapperResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper = ApiJson.newMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
