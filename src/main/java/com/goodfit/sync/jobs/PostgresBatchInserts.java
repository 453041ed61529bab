package com.goodfit.sync.jobs;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of single-row INSERTs as multi-row INSERTs
 * ({@code reWriteBatchedInserts}): otherwise every plan row the plan step writes costs the server a statement of
 * its own, and those statements were the largest share of a sync's database time. Other databases do not know the
 * setting, so it is only added for PostgreSQL URLs; a URL that sets it itself wins.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }

}
