package dev.merpati.rewrite;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An address directory in memory: the first domain added is the primary one. */
final class MapDirectory implements AddressDirectory {

    private final Map<String, String> domains = new LinkedHashMap<>(); // name or alias -> local domain
    private final Map<String, Long> accounts = new LinkedHashMap<>();
    private final Map<String, List<String>> aliases = new HashMap<>();
    private final Map<Long, Forward> forwards = new HashMap<>();
    private String primary;

    MapDirectory domain(String name) {
        domains.put(name, name);
        if (primary == null) {
            primary = name;
        }
        return this;
    }

    MapDirectory domainAlias(String alias, String domain) {
        domains.put(alias, domain);
        return this;
    }

    MapDirectory account(long id, String address) {
        accounts.put(address, id);
        return this;
    }

    MapDirectory alias(String address, String targets) {
        aliases.put(address, Expansion.parseTargets(targets));
        return this;
    }

    MapDirectory forward(long account, String targets, boolean keepCopy) {
        forwards.put(account, new Forward(Expansion.parseTargets(targets), keepCopy));
        return this;
    }

    @Override
    public Optional<String> primaryDomain() {
        return Optional.ofNullable(primary);
    }

    @Override
    public Optional<String> localDomain(String domain) {
        return Optional.ofNullable(domains.get(domain));
    }

    @Override
    public Optional<Long> findAccount(String localPart, String domain) {
        return Optional.ofNullable(accounts.get(localPart + "@" + domain));
    }

    @Override
    public Optional<Long> firstAccount(String domain) {
        return accounts.entrySet().stream()
                .filter(e -> e.getKey().endsWith("@" + domain))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public List<String> aliasTargets(String address) {
        return aliases.getOrDefault(address, List.of());
    }

    @Override
    public Optional<Forward> forward(long accountId) {
        return Optional.ofNullable(forwards.get(accountId));
    }
}
