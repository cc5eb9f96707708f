package org.tablemq.arquillian;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;

/**
 * The real build outputs, copied to {@code deployments.dir} by the build: the RAR is deployed on its own under the
 * name the server's default MDB resource adapter refers to, then the application.
 */
public final class Deployments {

    public static final String RAR = "tablemq-ra.rar";
    public static final String SAMPLE_EAR = "tablemq-sample.ear";

    private Deployments() {
    }

    public static ResourceAdapterArchive resourceAdapter() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, built(RAR));
    }

    public static EnterpriseArchive sampleEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built(SAMPLE_EAR));
    }

    private static File built(String name) {
        File file = new File(System.getProperty("deployments.dir", "target/deployments"), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing; it is copied there by the build (mvn verify)");
        }
        return file;
    }
}
