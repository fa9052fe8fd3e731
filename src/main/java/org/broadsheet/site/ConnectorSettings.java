package org.broadsheet.site;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket write buffer, sized for a page. Tomcat copies a response into this per-connection buffer and
 * hands the kernel one buffer-full at a time: with its default of 8 KiB an 18 KB article went out in three
 * {@code write} calls, and each call costs the kernel a TCP segment sent (on the loopback, received too) — more
 * than all of Tomcat's own work on a cached page. At 32 KiB an article and its headers go out in one call. The
 * buffer is allocated for every open connection, so it is not made larger than a typical page needs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Connector.class)
class ConnectorSettings {

    static final int SOCKET_WRITE_BUFFER_BYTES = 32 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER_BYTES));
    }
}
