package org.relais.telephony.sip;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.relais.telephony.PhoneCredential;
import org.relais.telephony.PhoneCredentialChanged;
import org.relais.telephony.RegisteredPhones;
import org.relais.telephony.RegistryUnavailableException;
import org.relais.telephony.SwitchProducer;

/**
 * Gives Kamailio the agents' phone credentials (SIP switch only): the HA1 of each {@code
 * extension@account} in its htable {@code ha1}, which its REGISTER route checks digests against.
 *
 * <p>Each committed change is pushed as it comes, and the phone it concerns is unregistered, so
 * that no phone stays registered with a password or an extension that no longer stands. Kamailio
 * holds the table in memory only: every two seconds Relais asks when Kamailio started ({@code
 * core.uptime}), and gives a Kamailio it has not filled yet every credential. Where the table may
 * hold entries that no longer stand (Relais has just started, or a change did not reach Kamailio),
 * it is emptied first; a Kamailio that has just started holds none, and is not emptied, so that the
 * phones registering at that moment are not refused. After each fill (Relais or Kamailio started),
 * the engine is told again whether each connected agent's phone is registered. A singleton, so that
 * a fill and a change never interleave: whichever comes last writes the database's latest word.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KamailioCredentials {

  private static final Logger LOG = Logger.getLogger(KamailioCredentials.class.getName());
  private static final long CHECK_MILLIS = 2000;
  private static final String TABLE = "ha1";

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject SwitchProducer switches;
  @Inject KamailioRpc rpc;
  @Inject SipSwitch sip;
  @Inject RegisteredPhones phones;

  @Resource TimerService timers;

  /** When the Kamailio that holds every credential started ({@code up_since}); null for none. */
  private String filledSince;

  /** Whether Kamailio's table may hold credentials that no longer stand. */
  private boolean mayHoldStale = true;

  @PostConstruct
  void schedule() {
    if (switches.isSip()) {
      timers.createIntervalTimer(0, CHECK_MILLIS, new TimerConfig(null, false));
    }
  }

  /** Fills a Kamailio that does not hold every credential yet. */
  @Timeout
  void check() {
    try {
      JsonObject uptime = rpc.call("core.uptime").getJsonObject("result");
      String upSince = uptime == null ? null : uptime.getString("up_since", null);
      if (upSince != null && (mayHoldStale || !upSince.equals(filledSince))) {
        fill();
        // At Relais's start, and after Kamailio restarted (it lost every registration and told
        // nobody), the engine learns again what stands of each connected agent's phone. The
        // switch may not have been started yet: the application's start and this timer race.
        sip.start();
        sip.reconcile(phones.ofConnectedAgents());
        filledSince = upSince;
      }
    } catch (RegistryUnavailableException down) {
      // Asked again at the next check.
    }
  }

  /** Pushes a committed change of an agent's phone credential. */
  public void changed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PhoneCredentialChanged change) {
    if (!switches.isSip()) {
      return;
    }
    try {
      for (PhoneCredential entry : change.entries()) {
        if (entry.ha1() == null) {
          rpc.call("htable.delete", TABLE, entry.addressOfRecord());
        } else {
          rpc.call("htable.sets", TABLE, entry.addressOfRecord(), entry.ha1());
        }
        rpc.call("ul.rm", "location", entry.addressOfRecord());
        if (entry.extension() != null) {
          // Kamailio tells nobody of a registration removed this way: the engine is told here.
          sip.tellRegistration(entry.account(), entry.extension());
        }
      }
    } catch (RegistryUnavailableException down) {
      mayHoldStale = true;
      LOG.warning("Kamailio missed a phone's SIP credential: it gets all again once it answers");
    }
  }

  private void fill() {
    if (mayHoldStale) {
      rpc.call("htable.flush", TABLE);
      mayHoldStale = false;
    }
    List<PhoneCredential> credentials =
        em.createQuery(
                "SELECT NEW org.relais.telephony.PhoneCredential(a.account.name, a.extension,"
                    + " a.sipHa1) FROM Agent a"
                    + " WHERE a.extension IS NOT NULL AND a.sipHa1 IS NOT NULL",
                PhoneCredential.class)
            .getResultList();
    for (PhoneCredential credential : credentials) {
      rpc.call("htable.sets", TABLE, credential.addressOfRecord(), credential.ha1());
    }
    LOG.info("Kamailio given the SIP credentials of " + credentials.size() + " phones");
  }
}
