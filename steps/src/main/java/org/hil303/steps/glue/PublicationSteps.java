package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.PublicationsSpec;
import org.hil303.fixtures.publications.DisclosurePolicyCheck;
import org.hil303.fixtures.publications.Finding;
import org.hil303.fixtures.publications.SecurityTxtCheck;
import org.hil303.fixtures.publications.SupportPeriodCheck;
import org.hil303.fixtures.publications.WebFetcher;
import org.hil303.fixtures.publications.WebPage;
import org.hil303.steps.report.NonConformity;

/** 5.2-1 and 5.3-13: what the manufacturer must publish, read where the IXIT says it is. */
public final class PublicationSteps {
    private static final int PAGE_EVIDENCE = 16 * 1024;

    private final DutWorld world;
    private WebPage page;
    private String untrusted;

    public PublicationSteps(DutWorld world) {
        this.world = world;
    }

    @When("the disclosure policy the IXIT names is fetched")
    public void fetchPolicy() {
        fetch(declared(PublicationsSpec::disclosurePolicy, "disclosure-policy"));
    }

    @Then("it tells a reporter where to report a vulnerability")
    public void policyHasContact() {
        judge("disclosure policy", p -> DisclosurePolicyCheck.check(p));
    }

    @When("the security.txt the IXIT names is fetched")
    public void fetchSecurityTxt() {
        fetch(declared(PublicationsSpec::securityTxt, "security-txt"));
    }

    @Then("it holds to RFC 9116: a contact, one expiry date in the future, https links and, when signed, a valid signature")
    public void securityTxtValid() {
        judge("security.txt", p -> {
            List<Finding> findings = new ArrayList<>();
            Optional<String> key = Optional.empty();
            Optional<URI> keyUrl = world.run().dut().publications().securityTxtKey();
            if (keyUrl.isPresent()) {
                WebPage k = fetcher().get(keyUrl.get());
                world.evidence("signing key", k.describe());
                if (k.ok()) {
                    key = Optional.of(k.text());
                } else {
                    findings.add(Finding.violation("the signing key the IXIT names is not published: " + k.describe()));
                }
            }
            findings.addAll(SecurityTxtCheck.check(p, Instant.now(), key));
            return findings;
        });
    }

    @When("the support period page the IXIT names is fetched")
    public void fetchSupportPeriod() {
        fetch(world.run().dut().publications().supportPeriod().map(PublicationsSpec.SupportPeriod::page)
                .orElseThrow(() -> missing("support-period")));
    }

    @Then("it states the end of the support period the IXIT declares")
    public void statesSupportPeriod() {
        PublicationsSpec.SupportPeriod declared = world.run().dut().publications().supportPeriod().orElseThrow(() -> missing("support-period"));
        judge("support period", p -> SupportPeriodCheck.check(p, declared.until()));
    }

    private URI declared(Function<PublicationsSpec, Optional<URI>> field, String name) {
        return field.apply(world.run().dut().publications()).orElseThrow(() -> missing(name));
    }

    private IxitIncomplete missing(String name) {
        return new IxitIncomplete("the DUT file's IXIT names no ixit.publications." + name + ": there is nothing to fetch");
    }

    private void fetch(URI uri) {
        page = null;
        untrusted = null;
        try {
            page = fetcher().get(uri);
            world.evidence("fetched " + uri, page.describe() + "\n\n" + page.text().substring(0, Math.min(page.text().length(), PAGE_EVIDENCE)));
        } catch (WebFetcher.UntrustedSite e) {
            untrusted = uri + ": " + e.getMessage();
            world.evidence("fetched " + uri, "not trusted: " + e.getMessage());
        } finally {
            world.run().vendorSite().ifPresent(site -> world.evidence("requests the played vendor site served", String.join("\n", site.requests())));
        }
    }

    private void judge(String what, Function<WebPage, List<Finding>> check) {
        NonConformity.require(untrusted == null, "the " + what + " is not served over trustworthy HTTPS: " + untrusted);
        List<Finding> findings = check.apply(page);
        world.evidence(what + " findings", String.join("\n", findings.stream().map(Finding::toString).toList()));
        List<String> violations = findings.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).map(Finding::text).toList();
        NonConformity.require(violations.isEmpty(), what + ": " + String.join("; ", violations));
    }

    private WebFetcher fetcher() {
        return world.run().webFetcher();
    }
}
