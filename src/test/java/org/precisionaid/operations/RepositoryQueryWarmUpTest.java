package org.precisionaid.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.Repository;

/**
 * The start's second thread parses ahead the queries of every repository the application has (so none is left to the
 * main thread's slow first parse), and one repository whose query does not parse does not stop it for the others.
 */
@IntegrationTest
class RepositoryQueryWarmUpTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    RepositoryQueryWarmUp warmUp;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyRepositoryOfTheApplicationIsParsedAheadWithoutFailure() throws Exception {
        List<Class<?>> repositories = Arrays.stream(context.getBeanNamesForType(JpaRepositoryFactoryBean.class))
                .map(name -> context.getBean(name, JpaRepositoryFactoryBean.class).getObjectType())
                .<Class<?>>map(type -> type)
                .toList();

        assertThat(repositories).hasSizeGreaterThan(20).contains(HouseholdRepository.class);
        assertThat(warmUp.warmedRepositories(Duration.ofMinutes(1))).containsExactlyInAnyOrderElementsOf(repositories);
        assertThat(warmUp.failedRepositories()).isEmpty();
    }

    @Test
    void aQueryThatDoesNotParseIsReportedAndTheOthersAreStillParsed() throws Exception {
        RepositoryQueryWarmUp fresh = new RepositoryQueryWarmUp();

        fresh.warm(entityManagerFactory, context.getClassLoader(), List.of(Broken.class, HouseholdRepository.class));

        assertThat(fresh.failedRepositories()).containsExactly(Broken.class.getName());
        assertThat(fresh.warmedRepositories(Duration.ZERO)).containsExactly(HouseholdRepository.class);
    }

    /** Nested, so Spring Data's scan (which skips nested interfaces) never makes it a bean of the shared context. */
    interface Broken extends Repository<Household, Long> {
        @Query("select h from Household h where h.noSuchField = 1")
        List<Household> broken();
    }
}
