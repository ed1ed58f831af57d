package io.newsctl.embedded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (constructor, lifecycle or test method) a {@link ServerEndpoints} parameter backed
 * by {@link NewsServers#shared()}: the servers start once per test JVM, in whichever mode the
 * environment allows, and stop when the JVM exits.
 *
 * <pre>{@code
 * @ExtendWith(NewsServersExtension.class)
 * class IndexerIT {
 *     @Test
 *     void indexes(ServerEndpoints servers) { ... servers.kafkaBootstrap() ... }
 * }
 * }</pre>
 */
public final class NewsServersExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return NewsServers.shared();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot start the newsctl test servers: " + e.getMessage(), e);
        }
    }
}
