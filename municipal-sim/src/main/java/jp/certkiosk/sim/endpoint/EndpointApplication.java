package jp.certkiosk.sim.endpoint;

import jakarta.ws.rs.container.ContainerResponseFilter;
import jp.certkiosk.sim.SimulatorOptions;
import jp.certkiosk.sim.registry.KioskRegister;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application of the municipal endpoint, version 1 of the contract: the resources,
 * the kiosk authentication filter, the error mapper and the contract's JSON mapping. Feature
 * auto-discovery is off so that no other JSON error mapper can answer with request contents.
 * Resources are classes built by the injector from the two desks (registering resource instances
 * works too, but makes Jersey warn that they are not providers).
 */
public final class EndpointApplication {
    private EndpointApplication() {}

    /**
     * @param kiosks the allow-list the kiosk's TLS certificate is checked against
     * @param domiciles the use registrations of residents whose domicile is elsewhere, or null
     * @param instanceName named in a response header when several instances serve together, or null
     */
    public static ResourceConfig create(SessionDesk sessions, IssuanceDesk issuances, KioskRegister kiosks,
                                        DomicileDesk domiciles, String instanceName) {
        ResourceConfig config = new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ApiObjectMapperResolver())
                .register(KioskAuthenticationFilter.class)
                .register(new ApiExceptionMapper())
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(sessions).to(SessionDesk.class);
                        bind(issuances).to(IssuanceDesk.class);
                        bind(kiosks).to(KioskRegister.class);
                    }
                })
                .register(ChallengeResource.class)
                .register(SessionResource.class)
                .register(ConfirmationResource.class);
        if (instanceName != null) {
            config.register((ContainerResponseFilter) (request, response) ->
                    response.getHeaders().putSingle(SimulatorOptions.INSTANCE_HEADER, instanceName));
        }
        if (domiciles != null) {
            config.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    bind(domiciles).to(DomicileDesk.class);
                }
            }).register(UseRegistrationResource.class);
        }
        return config;
    }
}
