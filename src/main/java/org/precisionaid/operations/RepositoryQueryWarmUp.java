package org.precisionaid.operations;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Parses the repositories' queries on a second thread while the main thread starts Hibernate and the process engine.
 *
 * <p>Spring Data creates every query of a repository when it creates the repository, and the first parses of HQL are
 * most of that cost: Spring Data's parser and Hibernate's each build their prediction tables as they first meet the
 * grammar — about 4 s of the main thread in a 17–19 s start on 2 cores, while the other core idled (docs/benchmarks.md,
 * S3 third round; ADR 0037). Both parsers share those tables across the JVM and Hibernate keeps each query's
 * interpretation. So as soon as the repositories are declared this thread runs each declared query through
 * Hibernate's grammar, and once the entity manager factory exists it builds a throwaway copy of each repository
 * (Spring Data's parse, Hibernate's validation); the real repositories, created later on the main thread, then parse
 * almost nothing. Nothing of the copies is kept and nothing touches the database; a query that fails here fails again,
 * with Spring Data's own message, when its real repository is created.
 */
@Component
class RepositoryQueryWarmUp implements BeanFactoryPostProcessor, BeanPostProcessor, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryQueryWarmUp.class);

    private final CompletableFuture<EntityManagerFactory> entityManagerFactory = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Class<?>> warmed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failed = Collections.synchronizedList(new ArrayList<>());

    /** The repositories are declared (their bean definitions registered) by now, and nothing is created yet. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> repositories = repositoryInterfaces(beanFactory);
        Thread thread = new Thread(() -> {
            try {
                parseDeclaredQueries(repositories);
                EntityManagerFactory factory = entityManagerFactory.completeOnTimeout(null, 3, TimeUnit.MINUTES).join();
                if (factory != null) {
                    warm(factory, beanFactory.getBeanClassLoader(), repositories);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Queries not parsed ahead: {}", e.toString()); // the main thread parses them as it would have
            } finally {
                finished.countDown();
            }
        }, "repository-query-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The copies need the entity manager factory; the engine's build comes right after it on the main thread. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EntityManagerFactory factory) {
            entityManagerFactory.complete(factory);
        }
        return bean;
    }

    /** A start that failed before the entity manager factory existed: the thread stops waiting for it. */
    @Override
    public void destroy() {
        entityManagerFactory.complete(null);
    }

    /** The interfaces of the context's JPA repositories, read from their bean definitions (none is created here). */
    private static List<Class<?>> repositoryInterfaces(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(JpaRepositoryFactoryBean.class, true, false)) {
            ValueHolder argument = beanFactory.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name))
                    .getConstructorArgumentValues().getIndexedArgumentValue(0, null);
            Object value = argument == null ? null : argument.getValue();
            if (value instanceof Class<?> type) {
                interfaces.add(type);
            } else if (value instanceof String type && ClassUtils.isPresent(type, beanFactory.getBeanClassLoader())) {
                interfaces.add(ClassUtils.resolveClassName(type, beanFactory.getBeanClassLoader()));
            }
        }
        return interfaces;
    }

    /**
     * Each declared query through Hibernate's grammar alone, as its translator first tries it (SLL, bailing out),
     * which needs no entity manager factory and so can run while the main thread is still building it.
     */
    private static void parseDeclaredQueries(List<Class<?>> repositories) {
        for (Class<?> repository : repositories) {
            for (Method method : repository.getMethods()) {
                Query query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
                if (query == null || query.nativeQuery() || query.value().isBlank()) {
                    continue;
                }
                HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(query.value(),
                        HqlParseTreeBuilder.INSTANCE.buildHqlLexer(query.value()));
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                parser.removeErrorListeners();
                parser.setErrorHandler(new BailErrorStrategy());
                try {
                    parser.statement();
                } catch (RuntimeException e) {
                    LOG.debug("Query of {} not parsed ahead: {}", method, e.toString());
                }
            }
        }
    }

    void warm(EntityManagerFactory entityManagerFactory, ClassLoader classLoader, List<Class<?>> repositories) {
        long start = System.nanoTime();
        try {
            JpaRepositoryFactory copies = new JpaRepositoryFactory(
                    SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
            copies.setBeanClassLoader(classLoader);
            for (Class<?> repository : repositories) {
                if (!entityManagerFactory.isOpen()) {
                    break; // the context is closing (a test that failed early): nothing left to gain
                }
                try {
                    copies.getRepository(repository);
                    warmed.add(repository);
                } catch (RuntimeException e) {
                    failed.add(repository.getName());
                    LOG.debug("Queries of {} not parsed ahead: {}", repository.getName(), e.toString());
                }
            }
            LOG.info("Queries of {} repositories parsed ahead on a second thread in {} ms{}", warmed.size(),
                    (System.nanoTime() - start) / 1_000_000, failed.isEmpty() ? "" : "; not parsed: " + failed);
        } finally {
            finished.countDown();
        }
    }

    /** For tests: the repositories whose copies were built, once the thread has finished (empty if it has not). */
    List<Class<?>> warmedRepositories(Duration wait) throws InterruptedException {
        return finished.await(wait.toMillis(), TimeUnit.MILLISECONDS) ? List.copyOf(warmed) : List.of();
    }

    List<String> failedRepositories() {
        return List.copyOf(failed);
    }
}
