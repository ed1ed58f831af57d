package org.elasticsearch.node;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;

/**
 * A real Elasticsearch node whose plugins are classes on the classpath instead of directories of a
 * distribution (which Maven cannot give us). It has to live in this package because
 * {@link NodeConstruction} and {@link NodeServiceProvider} are package-private.
 */
public final class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Settings settings, String nodeName, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> nodeName),
                null,
                new ClasspathPluginsProvider(List.copyOf(plugins)),
                true));
    }

    private static final class ClasspathPluginsProvider extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> plugins;

        ClasspathPluginsProvider(List<Class<? extends Plugin>> plugins) {
            this.plugins = plugins;
        }

        @Override
        org.elasticsearch.plugins.PluginsService newPluginService(Environment env,
                org.elasticsearch.plugins.PluginsLoader ignored) {
            return new MockPluginsService(env.settings(), env, plugins);
        }
    }
}
