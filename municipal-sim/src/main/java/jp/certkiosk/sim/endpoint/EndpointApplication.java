package jp.certkiosk.sim.endpoint;

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

    public static ResourceConfig create(SessionDesk sessions, IssuanceDesk issuances) {
        return create(sessions, issuances, null);
    }

    /** The same, with the use registrations of residents whose domicile is elsewhere (when {@code domiciles} is given). */
    public static ResourceConfig create(SessionDesk sessions, IssuanceDesk issuances, DomicileDesk domiciles) {
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
                    }
                })
                .register(ChallengeResource.class)
                .register(SessionResource.class)
                .register(ConfirmationResource.class);
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
