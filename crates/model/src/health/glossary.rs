//! Plain-English meanings of words found in health records, kept on the phone
//! so they work offline.
//!
//! [`TERMS`] is the glossary itself, sorted by name. [`link_terms`] splits the
//! text of a health entry so the app can mark the words it can explain,
//! [`terms_in`] lists those words, and [`search`] backs the glossary's search
//! box.
//!
//! Every meaning is written for a 12-year-old reader: one or two short
//! sentences in everyday words, with any harder word explained where it is
//! used. The tests hold each meaning to that (length, number of sentences,
//! words per sentence).
//!
//! Matching is by whole words, ignoring ASCII case, and the longest name or
//! alias wins. A space in a name matches any run of whitespace, so a phrase
//! broken over two lines is still found.

/// One word or phrase and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Stable id, lowercase with hyphens: "mmr", "td-ipv", "epipen".
    pub key: &'static str,
    /// How it is shown: "MMR", "Td/IPV", "EpiPen".
    pub name: &'static str,
    /// Other ways it is written in records, matched like `name` (may be empty).
    pub also: &'static [&'static str],
    /// One or two short sentences.
    pub meaning: &'static str,
}

/// The glossary, sorted alphabetically by name, ignoring case.
pub static TERMS: &[Term] = &[
    Term {
        key: "5-in-1-vaccine",
        name: "5-in-1 vaccine",
        also: &["5-in-1", "DTaP/IPV/Hib", "Pediacel", "Infanrix-IPV+Hib"],
        meaning: "The baby vaccine used in the UK until 2017, when the 6-in-1 replaced it. It protected against diphtheria, tetanus, whooping cough, polio and Hib, a germ that can cause meningitis.",
    },
    Term {
        key: "6-in-1-vaccine",
        name: "6-in-1 vaccine",
        also: &[
            "6-in-1",
            "6 in 1 vaccine",
            "six-in-one vaccine",
            "hexavalent vaccine",
            "Infanrix hexa",
            "Vaxelis",
            "DTaP/IPV/Hib/HepB",
        ],
        meaning: "A vaccine for babies that protects against six serious illnesses, including whooping cough, polio, tetanus and hepatitis B. Babies have several doses, starting at 8 weeks old.",
    },
    Term {
        key: "a-and-e",
        name: "A&E",
        also: &["accident and emergency", "A and E", "casualty", "emergency department"],
        meaning: "Accident and emergency: the hospital department for serious injuries and illnesses that cannot wait. For anything less urgent, try NHS 111 first.",
    },
    Term {
        key: "acute",
        name: "Acute",
        also: &["acute illness"],
        meaning: "Acute means something starts suddenly or lasts only a short time, like a chest infection. It does not always mean serious.",
    },
    Term {
        key: "adhd",
        name: "ADHD",
        also: &["attention deficit hyperactivity disorder", "attention deficit disorder"],
        meaning: "Attention deficit hyperactivity disorder: a difference in how the brain works. It can make it hard to focus, sit still or wait your turn.",
    },
    Term {
        key: "adhd-assessment",
        name: "ADHD assessment",
        also: &["ADHD assessments", "ADHD diagnostic assessment"],
        meaning: "Meetings and questionnaires with specialists to find out if someone has ADHD. Parents, carers and teachers are often asked to fill in forms too.",
    },
    Term {
        key: "adult-mental-health-services",
        name: "Adult mental health services",
        also: &["adult mental health service", "AMHS"],
        meaning: "NHS services that support people aged 18 and over with their mental health. If you are with CAMHS, your move to them should be planned with you.",
    },
    Term {
        key: "alcohol-units",
        name: "Alcohol units",
        also: &["alcohol unit", "units of alcohol", "unit of alcohol"],
        meaning: "A way of measuring how much pure alcohol is in a drink. Adults are advised to have no more than 14 units a week, spread over three or more days.",
    },
    Term {
        key: "allergy",
        name: "Allergy",
        also: &["allergies", "allergic reaction", "allergic reactions", "allergic"],
        meaning: "When your body reacts to something that is harmless to most people, like pollen, nuts or a medicine. Reactions can be mild, like a rash, or more serious.",
    },
    Term {
        key: "anaemia",
        name: "Anaemia",
        also: &["anemia", "iron deficiency anaemia", "iron-deficiency anaemia"],
        meaning: "When your blood has too few healthy red blood cells to carry oxygen around your body. It can make you tired, and is often treated with iron tablets.",
    },
    Term {
        key: "anaphylaxis",
        name: "Anaphylaxis",
        also: &["anaphylactic shock", "anaphylactic reaction", "anaphylactic"],
        meaning: "A severe allergic reaction that comes on fast and can affect breathing. Use an adrenaline pen if you have one, and call 999 straight away.",
    },
    Term {
        key: "antenatal",
        name: "Antenatal",
        also: &["antenatal care", "antenatal appointment", "antenatal clinic", "prenatal"],
        meaning: "Antenatal means before birth. Antenatal care is the checks and support you get from midwives and doctors while you are pregnant.",
    },
    Term {
        key: "antibiotic",
        name: "Antibiotic",
        also: &["antibiotics"],
        meaning: "A medicine that kills bacteria, tiny germs that cause some infections. Antibiotics do not work on colds or flu, which are caused by viruses.",
    },
    Term {
        key: "antidepressant",
        name: "Antidepressant",
        also: &["antidepressants", "anti-depressant", "anti-depressants"],
        meaning: "A medicine for depression, and sometimes anxiety or pain. It can take a few weeks to help, and should only be stopped slowly with a doctor's advice.",
    },
    Term {
        key: "anxiety",
        name: "Anxiety",
        also: &["anxious", "anxiety disorder", "generalised anxiety disorder", "generalized anxiety disorder", "GAD"],
        meaning: "A feeling of worry or fear that everyone has at times. When it is strong or lasts a long time, support and treatment can help a lot.",
    },
    Term {
        key: "apgar-score",
        name: "Apgar score",
        also: &["Apgar", "Apgars", "Apgar scores"],
        meaning: "A quick check of a newborn baby's colour, heartbeat, breathing, movement and reactions, scored out of 10. It is done 1 and 5 minutes after birth.",
    },
    Term {
        key: "asthma",
        name: "Asthma",
        also: &["asthmatic"],
        meaning: "A long-term condition where the airways, the tubes that carry air to your lungs, get swollen and narrow. It can cause coughing, a tight chest and feeling short of breath.",
    },
    Term {
        key: "autism",
        name: "Autism",
        also: &[
            "autistic",
            "autism spectrum disorder",
            "autistic spectrum disorder",
            "autism spectrum condition",
            "autistic spectrum condition",
            "ASD",
            "ASC",
            "Asperger syndrome",
            "Asperger's syndrome",
            "Asperger's",
        ],
        meaning: "A lifelong difference in how a person's brain works. It affects how they talk and connect with others, and how they sense the world around them.",
    },
    Term {
        key: "autism-assessment",
        name: "Autism assessment",
        also: &["autism assessments", "ASD assessment", "ASC assessment", "autism diagnostic assessment"],
        meaning: "Meetings with specialists to find out if someone is autistic. They may talk with you, watch how you play or chat, and ask people who know you well.",
    },
    Term {
        key: "bcg",
        name: "BCG",
        also: &["BCG vaccine", "BCG vaccination", "TB vaccine", "tuberculosis vaccine"],
        meaning: "A vaccine that protects against TB (tuberculosis), an infection that mainly affects the lungs. In the UK it is given to babies and children more likely to catch TB.",
    },
    Term {
        key: "birth-weight",
        name: "Birth weight",
        also: &["birthweight", "weight at birth", "low birth weight", "LBW"],
        meaning: "How heavy a baby was when they were born. A baby under 2.5 kg (about 5 and a half pounds) is said to have a low birth weight.",
    },
    Term {
        key: "blood-pressure",
        name: "Blood pressure",
        also: &["BP"],
        meaning: "How hard your blood pushes on the tubes that carry it round your body. It is measured with a cuff that squeezes your upper arm.",
    },
    Term {
        key: "blood-test",
        name: "Blood test",
        also: &["blood tests", "bloods", "blood sample", "blood samples"],
        meaning: "A small amount of blood is taken, usually from your arm, and checked in a lab. It helps find out how your body is working.",
    },
    Term {
        key: "bmi",
        name: "BMI",
        also: &["BMIs", "body mass index"],
        meaning: "Body mass index, a number worked out from your height and weight. It gives a rough guide to whether your weight is healthy for your height.",
    },
    Term {
        key: "booster",
        name: "Booster",
        also: &["boosters", "booster dose", "booster jab", "booster vaccine"],
        meaning: "An extra dose of a vaccine, given some time after the first ones. It tops up your protection.",
    },
    Term {
        key: "camhs",
        name: "CAMHS",
        also: &[
            "Child and Adolescent Mental Health Services",
            "Child and Adolescent Mental Health Service",
            "CYPMHS",
            "children and young people's mental health services",
            "children and young people's mental health service",
        ],
        meaning: "Child and Adolescent Mental Health Services. These NHS teams help children and teenagers under 18 with their feelings, behaviour and mental health.",
    },
    Term {
        key: "care-leaver",
        name: "Care leaver",
        also: &["care leavers", "care-experienced", "care experienced"],
        meaning: "A young person who spent time in care as a teenager. Councils must offer them support, such as a personal adviser, up to age 25.",
    },
    Term {
        key: "care-plan",
        name: "Care plan",
        also: &[
            "care plans",
            "health care plan",
            "health care plans",
            "healthcare plan",
            "health plan",
            "individual healthcare plan",
            "IHP",
        ],
        meaning: "A written plan of the care and support you need, and who will give it. It is agreed with you and updated when things change.",
    },
    Term {
        key: "cbt",
        name: "CBT",
        also: &["cognitive behavioural therapy", "cognitive behavioral therapy", "trauma-focused CBT", "TF-CBT"],
        meaning: "Cognitive behavioural therapy, a type of talking therapy. It looks at how your thoughts, feelings and actions affect each other, and teaches practical ways to cope.",
    },
    Term {
        key: "centile",
        name: "Centile",
        also: &["centiles", "percentile", "percentiles", "growth centile"],
        meaning: "A way of comparing a child's height or weight with other children of the same age. The 50th centile is right in the middle.",
    },
    Term {
        key: "chickenpox",
        name: "Chickenpox",
        also: &["chicken pox", "chicken-pox", "varicella"],
        meaning: "A common illness that causes a fever and an itchy, spotty rash. Most children get better on their own in a week or two.",
    },
    Term {
        key: "chlamydia",
        name: "Chlamydia",
        also: &[],
        meaning: "A common STI that often has no signs at all. It is found with a simple pee test or swab, and is easily treated with antibiotics.",
    },
    Term {
        key: "chronic",
        name: "Chronic",
        also: &[
            "chronic condition",
            "chronic illness",
            "long-term condition",
            "long term condition",
            "long-term conditions",
            "LTC",
        ],
        meaning: "Chronic means lasting a long time or coming back again and again, like asthma. It does not mean the illness is serious.",
    },
    Term {
        key: "coil",
        name: "Coil",
        also: &["IUD", "IUS", "intrauterine device", "intrauterine system", "copper coil", "hormonal coil", "Mirena"],
        meaning: "A small T-shaped device put into the womb by a nurse or doctor to prevent pregnancy. It works for years, and can be taken out at any time.",
    },
    Term {
        key: "community-mental-health-team",
        name: "Community mental health team",
        also: &["CMHT", "community mental health teams"],
        meaning: "A local NHS team of nurses, doctors, therapists and support workers. They help adults with their mental health, close to home.",
    },
    Term {
        key: "complex-ptsd",
        name: "Complex PTSD",
        also: &["C-PTSD", "CPTSD", "complex post-traumatic stress disorder"],
        meaning: "A type of PTSD that can follow hurtful or frightening events lasting a long time, often in childhood. It can also affect how you feel about yourself and others.",
    },
    Term {
        key: "confidentiality",
        name: "Confidentiality",
        also: &["confidential", "patient confidentiality"],
        meaning: "Keeping what you tell health staff private. They only share it without asking you if someone may be at serious risk, or the law says so.",
    },
    Term {
        key: "consent",
        name: "Consent",
        also: &["consented", "informed consent"],
        meaning: "Agreeing to a check or treatment after it has been explained to you. From 16 you can usually consent for yourself, and you can change your mind.",
    },
    Term {
        key: "consultant",
        name: "Consultant",
        also: &["consultants", "hospital consultant"],
        meaning: "A senior hospital doctor who is an expert in one area of health and leads a team.",
    },
    Term {
        key: "contact-lenses",
        name: "Contact lenses",
        also: &["contact lens"],
        meaning: "Thin, clear lenses worn on the front of your eye to help you see clearly. Keep them very clean to avoid eye infections.",
    },
    Term {
        key: "contraception",
        name: "Contraception",
        also: &["contraceptive", "contraceptives", "birth control", "family planning"],
        meaning: "Ways to prevent pregnancy, like condoms, the pill, the implant or the coil. It is free and private from GPs and sexual health clinics, even if you are under 16.",
    },
    Term {
        key: "contraceptive-implant",
        name: "Contraceptive implant",
        also: &["contraceptive implants", "Nexplanon"],
        meaning: "A small, bendy rod placed under the skin of your upper arm to prevent pregnancy. It works for 3 years and can be taken out sooner.",
    },
    Term {
        key: "contraceptive-pill",
        name: "Contraceptive pill",
        also: &[
            "contraceptive pills",
            "the pill",
            "combined pill",
            "mini pill",
            "mini-pill",
            "progestogen-only pill",
            "combined oral contraceptive",
            "oral contraceptive",
            "COC",
        ],
        meaning: "A small tablet taken regularly to prevent pregnancy. There are two main kinds, the combined pill and the mini pill.",
    },
    Term {
        key: "counselling",
        name: "Counselling",
        also: &["counsellor", "counsellors", "counseling", "counselor"],
        meaning: "Talking privately with a trained counsellor about your worries or feelings. They listen without judging and help you find your own ways to cope.",
    },
    Term {
        key: "covid-19",
        name: "COVID-19",
        also: &["COVID", "Covid19", "coronavirus"],
        meaning: "An illness caused by a type of virus called a coronavirus. For most young people it is like a cold or flu, but some people get very ill.",
    },
    Term {
        key: "covid-19-vaccine",
        name: "COVID-19 vaccine",
        also: &[
            "COVID-19 vaccines",
            "COVID vaccine",
            "COVID-19 vaccination",
            "COVID vaccination",
            "Covid jab",
            "coronavirus vaccine",
            "COVID-19 booster",
            "COVID booster",
        ],
        meaning: "A vaccine that lowers the chance of getting very ill from COVID-19. It is now mainly offered to older people and those whose health puts them at higher risk.",
    },
    Term {
        key: "cystic-fibrosis",
        name: "Cystic fibrosis",
        also: &["CF"],
        meaning: "An inherited condition where thick, sticky slime called mucus builds up in the lungs and gut. It can cause chest infections and make it hard to get enough goodness from food.",
    },
    Term {
        key: "dental-check-up",
        name: "Dental check-up",
        also: &["dental check up", "dental checkup", "dental check", "dental examination", "dental exam"],
        meaning: "A visit where a dentist checks your teeth, gums and mouth. How often you need one depends on how healthy your teeth are.",
    },
    Term {
        key: "dentist",
        name: "Dentist",
        also: &["dentists", "dental practice", "dental surgery"],
        meaning: "A health worker trained to look after your teeth and gums. NHS dental care is free if you are under 18, or under 19 and in full-time education.",
    },
    Term {
        key: "depression",
        name: "Depression",
        also: &["depressed", "depressive disorder", "depressive episode", "clinical depression"],
        meaning: "Feeling low, sad or empty for weeks or months, often with little energy or interest in things. It is common and can be treated with talking therapy, medicine or both.",
    },
    Term {
        key: "developmental-delay",
        name: "Developmental delay",
        also: &["developmental delays", "global developmental delay", "GDD", "delayed development"],
        meaning: "When a child learns skills like walking, talking or playing later than most children of their age. With the right support, children keep learning and making progress.",
    },
    Term {
        key: "diabetes",
        name: "Diabetes",
        also: &["diabetic", "diabetes mellitus"],
        meaning: "A long-term condition where there is too much sugar in your blood because of a problem with insulin. There are different types, and all can be managed.",
    },
    Term {
        key: "diagnosis",
        name: "Diagnosis",
        also: &["diagnosed", "diagnoses"],
        meaning: "The name of the illness or condition a doctor or health worker finds you have. It helps decide the right treatment and support.",
    },
    Term {
        key: "diphtheria",
        name: "Diphtheria",
        also: &[],
        meaning: "A serious infection of the nose and throat that can make breathing hard. It is very rare in the UK because most people are vaccinated.",
    },
    Term {
        key: "discharge-letter",
        name: "Discharge letter",
        also: &["discharge letters", "discharge summary", "discharge summaries"],
        meaning: "A letter written when you leave hospital. It explains what happened, any new medicines and what should happen next, and a copy goes to your GP.",
    },
    Term {
        key: "dose",
        name: "Dose",
        also: &["doses", "dosage"],
        meaning: "How much of a medicine to take and how often. Always follow the label, or what your doctor or pharmacist told you.",
    },
    Term {
        key: "dtap-ipv",
        name: "DTaP/IPV",
        also: &[
            "4-in-1 pre-school booster",
            "4-in-1 preschool booster",
            "4-in-1 booster",
            "4-in-1 vaccine",
            "4-in-1",
            "pre-school booster",
            "preschool booster",
            "DTaP-IPV",
        ],
        meaning: "The 4-in-1 pre-school booster, given at about 3 years and 4 months old. It tops up protection against diphtheria, tetanus, whooping cough and polio.",
    },
    Term {
        key: "dyslexia",
        name: "Dyslexia",
        also: &["dyslexic"],
        meaning: "A common learning difference that makes reading, spelling and writing harder. It has nothing to do with how clever someone is.",
    },
    Term {
        key: "dyspraxia",
        name: "Dyspraxia",
        also: &["dyspraxic", "developmental coordination disorder", "DCD"],
        meaning: "A condition that makes planning and controlling movement harder, so things like handwriting, sport or tying laces take more effort. It is not linked to how clever someone is.",
    },
    Term {
        key: "eating-disorder",
        name: "Eating disorder",
        also: &[
            "eating disorders",
            "anorexia",
            "anorexia nervosa",
            "bulimia",
            "bulimia nervosa",
            "binge eating disorder",
            "ARFID",
        ],
        meaning: "A mental health condition where worries about food, eating or weight take over and affect your health. Anorexia, bulimia and binge eating disorder are common types, and recovery is possible.",
    },
    Term {
        key: "eczema",
        name: "Eczema",
        also: &["atopic eczema", "atopic dermatitis"],
        meaning: "A common skin condition that makes skin dry, itchy, red and sore. It often comes and goes, and moisturisers called emollients help a lot.",
    },
    Term {
        key: "ehcp",
        name: "EHCP",
        also: &["EHCPs", "EHC plan", "education, health and care plan", "education health and care plan"],
        meaning: "Education, health and care plan: a legal document for children and young people up to 25 with special educational needs. It sets out the support they must get.",
    },
    Term {
        key: "emdr",
        name: "EMDR",
        also: &["eye movement desensitisation and reprocessing", "eye movement desensitization and reprocessing"],
        meaning: "A therapy that helps after very frightening events. You recall the memory while following moving lights or taps, so that over time it feels less upsetting.",
    },
    Term {
        key: "emergency-contraception",
        name: "Emergency contraception",
        also: &[
            "morning after pill",
            "morning-after pill",
            "emergency pill",
            "emergency hormonal contraception",
            "EHC",
        ],
        meaning: "Used to help prevent pregnancy after sex without contraception, or if it failed. There are pills and the copper coil, and the sooner you get it the better.",
    },
    Term {
        key: "emollient",
        name: "Emollient",
        also: &["emollients", "moisturiser", "moisturisers"],
        meaning: "A moisturising cream, ointment or gel that soothes dry skin. It is the main everyday treatment for eczema.",
    },
    Term {
        key: "enuresis",
        name: "Enuresis",
        also: &["bedwetting", "bed-wetting", "bed wetting", "nocturnal enuresis"],
        meaning: "Wetting yourself without meaning to, usually in bed at night. It is common in children, it is not their fault, and it can be treated.",
    },
    Term {
        key: "epilepsy",
        name: "Epilepsy",
        also: &["epileptic"],
        meaning: "A condition where the brain sometimes sends sudden bursts of mixed-up signals, causing seizures (fits). Medicine helps most people have few or no seizures.",
    },
    Term {
        key: "epipen",
        name: "EpiPen",
        also: &[
            "EpiPens",
            "Epi pen",
            "adrenaline auto-injector",
            "adrenaline auto-injectors",
            "adrenaline autoinjector",
            "adrenaline pen",
            "adrenaline pens",
            "auto-injector",
            "AAI",
            "Jext",
            "Emerade",
        ],
        meaning: "A pen that injects adrenaline, a medicine that quickly eases a severe allergic reaction, into the outer thigh. Carry two at all times, and call 999 after using one.",
    },
    Term {
        key: "eye-test",
        name: "Eye test",
        also: &["eye tests", "sight test", "sight tests", "eye examination", "eye exam", "eye check"],
        meaning: "A check of how well you see and of how healthy your eyes are. It is free on the NHS if you are under 16, or under 19 and in full-time education.",
    },
    Term {
        key: "family-history",
        name: "Family history",
        also: &["family medical history", "family health history"],
        meaning: "Health problems that run in your birth family, like diabetes or heart disease. Knowing about them helps doctors spot and prevent problems early.",
    },
    Term {
        key: "febrile-seizure",
        name: "Febrile seizure",
        also: &["febrile seizures", "febrile convulsion", "febrile convulsions", "febrile fit"],
        meaning: "A fit caused by a high temperature in a young child. It can look frightening, but most children recover fully.",
    },
    Term {
        key: "filling",
        name: "Filling",
        also: &["fillings", "dental filling", "dental fillings"],
        meaning: "A repair for a tooth with a hole in it, usually caused by tooth decay. The dentist cleans the hole and fills it with a hard material.",
    },
    Term {
        key: "flu",
        name: "Flu",
        also: &["influenza"],
        meaning: "A common illness caused by a virus, with a fever, aches and tiredness. Most people get better in about a week, but it can be serious for some.",
    },
    Term {
        key: "flu-vaccine",
        name: "Flu vaccine",
        also: &[
            "flu vaccines",
            "flu jab",
            "flu jabs",
            "flu vaccination",
            "nasal flu vaccine",
            "nasal spray flu vaccine",
            "flu nasal spray",
            "influenza vaccine",
            "Fluenz",
        ],
        meaning: "A vaccine given every year to protect against flu. Children usually have it as a nasal spray, and adults at higher risk get a free jab.",
    },
    Term {
        key: "fluoxetine",
        name: "Fluoxetine",
        also: &["Prozac"],
        meaning: "An SSRI antidepressant, used for depression and some other conditions. It is often the first one tried for young people under 18.",
    },
    Term {
        key: "fasd",
        name: "Foetal alcohol spectrum disorder",
        also: &[
            "foetal alcohol spectrum disorders",
            "fetal alcohol spectrum disorder",
            "FASD",
            "foetal alcohol syndrome",
            "fetal alcohol syndrome",
            "FAS",
        ],
        meaning: "Lifelong effects on the brain and body caused by alcohol before birth. It can affect learning, memory and behaviour, and the right support makes a real difference.",
    },
    Term {
        key: "fraser-guidelines",
        name: "Fraser guidelines",
        also: &["Fraser guidance", "Fraser competence", "Fraser competent"],
        meaning: "Rules doctors and nurses follow before giving contraception to someone under 16 without their parents knowing. They check you understand and that it is best for you.",
    },
    Term {
        key: "free-prescriptions",
        name: "Free prescriptions",
        also: &[
            "free prescription",
            "prescription exemption",
            "prescription exemption certificate",
            "medical exemption certificate",
        ],
        meaning: "In England, medicines on prescription are free if you are under 16, or 16 to 18 and in full-time education. Others may get them free because of benefits, some health conditions or an HC2 certificate.",
    },
    Term {
        key: "genetic-condition",
        name: "Genetic condition",
        also: &[
            "genetic conditions",
            "genetic disorder",
            "genetic disorders",
            "hereditary condition",
            "hereditary conditions",
            "hereditary",
            "inherited condition",
            "inherited conditions",
        ],
        meaning: "A condition caused by a change in your genes, the instructions inside your body's cells. Some are passed down from parents to their children.",
    },
    Term {
        key: "gestation",
        name: "Gestation",
        also: &["gestational age", "weeks' gestation", "weeks gestation"],
        meaning: "How long a baby grew in the womb before being born, counted in weeks. Most babies are born between 37 and 42 weeks.",
    },
    Term {
        key: "gillick-competence",
        name: "Gillick competence",
        also: &["Gillick competent", "Gillick-competent", "Gillick"],
        meaning: "When a young person under 16 understands a treatment well enough to agree to it themselves. A doctor or nurse decides this by talking it through with them.",
    },
    Term {
        key: "glasses",
        name: "Glasses",
        also: &["spectacles", "specs"],
        meaning: "Lenses in a frame that help you see clearly. If you have a free NHS eye test, you may also get a voucher to help pay for them.",
    },
    Term {
        key: "glue-ear",
        name: "Glue ear",
        also: &["otitis media with effusion", "OME"],
        meaning: "When sticky fluid builds up inside the ear and makes it harder to hear. It is common in young children and often clears up on its own.",
    },
    Term {
        key: "gp",
        name: "GP",
        also: &["general practitioner", "general practitioners", "GP surgery", "GP practice", "family doctor"],
        meaning: "General practitioner: a family doctor at your local surgery. A GP helps with most health worries and can refer you to other services.",
    },
    Term {
        key: "grommets",
        name: "Grommets",
        also: &["grommet"],
        meaning: "Tiny tubes put into the eardrum during a short operation. They let air in and fluid drain out, which can help with glue ear.",
    },
    Term {
        key: "hay-fever",
        name: "Hay fever",
        also: &["hayfever", "allergic rhinitis", "seasonal allergic rhinitis"],
        meaning: "An allergy to pollen, a fine dust from grass, trees and flowers. It causes sneezing, a runny nose and itchy eyes, mostly in spring and summer.",
    },
    Term {
        key: "hc2-certificate",
        name: "HC2 certificate",
        also: &["HC2", "HC2 certificates"],
        meaning: "A certificate from the NHS Low Income Scheme. It gives you free prescriptions, NHS dental care and eye tests, and help with travel to hospital.",
    },
    Term {
        key: "health-assessment",
        name: "Health assessment",
        also: &["health assessments", "LAC medical", "LAC health assessment", "looked-after child health assessment"],
        meaning: "A check of the physical and mental health, growth and development of a child in care. It leads to a health plan saying what help is needed.",
    },
    Term {
        key: "health-passport",
        name: "Health passport",
        also: &["health passports", "health history summary", "health summary"],
        meaning: "A summary of your health history that you should be given when you leave care. It can include illnesses, vaccines, family history and useful contacts.",
    },
    Term {
        key: "health-visitor",
        name: "Health visitor",
        also: &["health visitors", "health visiting team", "HV"],
        meaning: "A nurse or midwife with extra training who supports families with children under 5. They check how a child is growing and developing.",
    },
    Term {
        key: "healthy-start",
        name: "Healthy Start",
        also: &["Healthy Start scheme", "Healthy Start card", "Healthy Start vouchers", "Healthy Start vitamins"],
        meaning: "An NHS scheme that helps pay for milk, fruit and vegetables during pregnancy and for young children. Families on a low income, and pregnant under-18s, can apply.",
    },
    Term {
        key: "hearing-test",
        name: "Hearing test",
        also: &[
            "hearing tests",
            "hearing check",
            "audiology",
            "audiogram",
            "newborn hearing screening",
            "newborn hearing test",
        ],
        meaning: "A check of how well you can hear, often by listening for quiet sounds through headphones. Newborn babies have a quick hearing check in their first weeks.",
    },
    Term {
        key: "hepatitis-b",
        name: "Hepatitis B",
        also: &["hep B", "HBV", "hepatitis B virus"],
        meaning: "An infection caused by a virus that harms the liver, the body part that cleans your blood. It spreads through blood and sex, and a vaccine protects against it.",
    },
    Term {
        key: "hib",
        name: "Hib",
        also: &["Haemophilus influenzae type b"],
        meaning: "Short for Haemophilus influenzae type b, a germ that can cause meningitis and other serious infections in young children. The baby vaccines protect against it.",
    },
    Term {
        key: "hib-menc-vaccine",
        name: "Hib/MenC vaccine",
        also: &["Hib/MenC", "Hib/MenC booster", "Menitorix"],
        meaning: "A booster given at 1 year old to protect against Hib and MenC, two germs that can cause meningitis.",
    },
    Term {
        key: "high-blood-pressure",
        name: "High blood pressure",
        also: &["hypertension"],
        meaning: "When your blood pressure stays higher than it should be. It usually has no signs, so regular checks matter.",
    },
    Term {
        key: "hiv",
        name: "HIV",
        also: &["human immunodeficiency virus"],
        meaning: "A virus that weakens the body's defence against infections. Treatment works very well, and people with HIV can live long, healthy lives.",
    },
    Term {
        key: "hives",
        name: "Hives",
        also: &["urticaria", "nettle rash"],
        meaning: "A raised, itchy rash that can appear anywhere on the skin. It is often caused by an allergy and usually fades within a few days.",
    },
    Term {
        key: "hpv",
        name: "HPV",
        also: &["human papillomavirus"],
        meaning: "Human papillomavirus, a very common virus passed on by close skin contact during sex. Most people clear it without knowing, but some types can lead to warts or some cancers.",
    },
    Term {
        key: "hpv-vaccine",
        name: "HPV vaccine",
        also: &["HPV vaccines", "HPV vaccination", "HPV jab", "Gardasil", "Gardasil 9", "human papillomavirus vaccine"],
        meaning: "A vaccine offered at school at age 12 to 13 to protect against HPV, a virus linked to some cancers. If you missed it, ask your GP, as most people can still have it free until 25.",
    },
    Term {
        key: "ibuprofen",
        name: "Ibuprofen",
        also: &["Nurofen", "Calprofen"],
        meaning: "A painkiller that also brings down a temperature and eases swelling. Take it with food, and check with a pharmacist first if you have asthma or stomach problems.",
    },
    Term {
        key: "immunisation",
        name: "Immunisation",
        also: &[
            "immunisations",
            "immunization",
            "immunizations",
            "immunised",
            "immunized",
            "vaccination",
            "vaccinations",
            "vaccinated",
        ],
        meaning: "Protection against an illness, usually given by a vaccine. People also call it vaccination.",
    },
    Term {
        key: "inhaler",
        name: "Inhaler",
        also: &["inhalers", "puffer", "puffers"],
        meaning: "A small device that lets you breathe medicine straight into your lungs. It is often used for asthma.",
    },
    Term {
        key: "initial-health-assessment",
        name: "Initial health assessment",
        also: &["initial health assessments", "IHA", "initial health check", "initial medical"],
        meaning: "The first full health check for a child coming into care, done by a doctor. It should happen soon, in time for the first review of their care plan.",
    },
    Term {
        key: "insulin",
        name: "Insulin",
        also: &[],
        meaning: "Something your body makes to help it use sugar from food for energy. People with type 1 diabetes take insulin as medicine every day.",
    },
    Term {
        key: "jaundice",
        name: "Jaundice",
        also: &["newborn jaundice", "neonatal jaundice"],
        meaning: "Yellowing of the skin and the whites of the eyes. It is common in newborn babies and usually goes away by itself.",
    },
    Term {
        key: "lazy-eye",
        name: "Lazy eye",
        also: &["amblyopia"],
        meaning: "When one eye does not see as well as the other because the brain uses the stronger eye more. It is best treated in young children, often with an eye patch.",
    },
    Term {
        key: "learning-difficulty",
        name: "Learning difficulty",
        also: &["learning difficulties", "specific learning difficulty", "specific learning difficulties", "SpLD"],
        meaning: "Trouble with one area of learning, such as reading, spelling or maths, as with dyslexia. It does not affect how clever someone is overall.",
    },
    Term {
        key: "learning-disability",
        name: "Learning disability",
        also: &["learning disabilities", "intellectual disability", "intellectual disabilities", "LD"],
        meaning: "A lifelong condition that makes it harder to understand new things and learn everyday skills. With the right support, people can live full lives.",
    },
    Term {
        key: "looked-after-child",
        name: "Looked-after child",
        also: &[
            "looked after child",
            "looked-after children",
            "looked after children",
            "child looked after",
            "children looked after",
            "child in care",
            "children in care",
            "LAC",
            "CLA",
        ],
        meaning: "A child or young person under 18 who is cared for by the council. People also call this being in care.",
    },
    Term {
        key: "looked-after-children-nurse",
        name: "Looked-after children nurse",
        also: &[
            "looked after children nurse",
            "looked-after children nurses",
            "LAC nurse",
            "LAC nurses",
            "CLA nurse",
            "children in care nurse",
        ],
        meaning: "A nurse who helps make sure children in care get the health care they need. They often do review health assessments and help with health plans.",
    },
    Term {
        key: "low-mood",
        name: "Low mood",
        also: &["feeling low"],
        meaning: "Feeling sad, flat or down. If it lasts more than two weeks or stops you doing things, it is worth talking to your GP.",
    },
    Term {
        key: "measles",
        name: "Measles",
        also: &[],
        meaning: "A very catching illness caused by a virus, with a high temperature and a blotchy red rash. Two doses of the MMR vaccine give strong protection.",
    },
    Term {
        key: "melatonin",
        name: "Melatonin",
        also: &["Circadin"],
        meaning: "A medicine that helps with sleep by copying a chemical the body makes at night. It is often used for children and teenagers who struggle to fall asleep.",
    },
    Term {
        key: "menacwy",
        name: "MenACWY",
        also: &["MenACWY vaccine", "MenACWY vaccination", "Men ACWY", "meningitis ACWY vaccine", "Nimenrix", "Menveo"],
        meaning: "A vaccine given at about age 14 that protects against four types of germ that cause meningitis and sepsis. If you missed it, you can get it free from your GP until you turn 25.",
    },
    Term {
        key: "menb-vaccine",
        name: "MenB vaccine",
        also: &["MenB", "MenB vaccination", "meningitis B vaccine", "Bexsero"],
        meaning: "A vaccine for babies and young children that protects against meningitis B, a common cause of meningitis at that age.",
    },
    Term {
        key: "meningitis",
        name: "Meningitis",
        also: &[],
        meaning: "An infection of the thin layers that protect the brain. It needs urgent treatment, and several vaccines help protect against it.",
    },
    Term {
        key: "mental-capacity",
        name: "Mental capacity",
        also: &["Mental Capacity Act", "lacks capacity", "lack of capacity"],
        meaning: "Being able to understand, weigh up and remember information well enough to make a decision. The law says people aged 16 and over have it unless shown otherwise.",
    },
    Term {
        key: "methylphenidate",
        name: "Methylphenidate",
        also: &["Ritalin", "Concerta", "Equasym", "Medikinet", "Xaggitin"],
        meaning: "A medicine for ADHD that can help with focus and calm. Common side effects include a smaller appetite and trouble sleeping.",
    },
    Term {
        key: "midwife",
        name: "Midwife",
        also: &["midwives", "community midwife", "midwifery"],
        meaning: "A health worker trained to care for you during pregnancy, birth and the weeks after. You can contact a midwife yourself, without seeing a GP first.",
    },
    Term {
        key: "migraine",
        name: "Migraine",
        also: &["migraines"],
        meaning: "A strong, throbbing headache, often on one side, that can come with feeling sick or finding light painful. Rest and the right medicine can help.",
    },
    Term {
        key: "mmr",
        name: "MMR",
        also: &[
            "MMR vaccine",
            "MMR vaccination",
            "measles, mumps and rubella vaccine",
            "Priorix",
            "MMRvaxPro",
            "M-M-RvaxPro",
        ],
        meaning: "A vaccine that protects against measles, mumps and rubella. Two doses are given in childhood, and if you missed any, you can still have them free at any age.",
    },
    Term {
        key: "mmrv",
        name: "MMRV",
        also: &["MMRV vaccine", "MMRV vaccination", "ProQuad", "Priorix Tetra"],
        meaning: "A single vaccine that protects against measles, mumps, rubella and chickenpox. It is now used for young children in the UK instead of MMR.",
    },
    Term {
        key: "mumps",
        name: "Mumps",
        also: &[],
        meaning: "An illness caused by a virus that makes the sides of the face swell, just below the ears. The MMR vaccine protects against it.",
    },
    Term {
        key: "nas",
        name: "Neonatal abstinence syndrome",
        also: &[
            "NAS",
            "neonatal withdrawal",
            "neonatal withdrawal syndrome",
            "neonatal opioid withdrawal syndrome",
            "NOWS",
        ],
        meaning: "Shaking, lots of crying or poor feeding in a newborn baby, caused by some drugs or medicines taken in pregnancy. Babies get extra care in hospital, and the signs pass with time.",
    },
    Term {
        key: "neonatal-unit",
        name: "Neonatal unit",
        also: &["neonatal units", "NICU", "SCBU", "special care baby unit", "neonatal intensive care unit"],
        meaning: "A hospital ward for newborn babies who need extra care, such as babies born early or unwell.",
    },
    Term {
        key: "neurodevelopmental-assessment",
        name: "Neurodevelopmental assessment",
        also: &["neurodevelopmental assessments"],
        meaning: "A check by specialists of how a child's brain has developed, looking at things like autism, ADHD and learning. It often includes talking, play and questionnaires.",
    },
    Term {
        key: "nhs-111",
        name: "NHS 111",
        also: &["NHS111", "NHS 111 online", "111 online"],
        meaning: "A free phone line and website for urgent health help when it is not an emergency. Call 111 or use NHS 111 online, any time of day or night.",
    },
    Term {
        key: "nhs-app",
        name: "NHS App",
        also: &[],
        meaning: "The official NHS app for your phone. You can use it to order repeat prescriptions, book some appointments and see your GP record.",
    },
    Term {
        key: "nhs-low-income-scheme",
        name: "NHS Low Income Scheme",
        also: &["Low Income Scheme", "LIS", "HC1", "HC1 form", "HC3", "HC3 certificate"],
        meaning: "An NHS scheme that helps people on a low income with health costs. You apply with an HC1 form, and may get an HC2 (full help) or HC3 (some help) certificate.",
    },
    Term {
        key: "nhs-number",
        name: "NHS number",
        also: &["NHS numbers"],
        meaning: "A 10-digit number that is yours alone and helps health staff find your records. You can find it on NHS letters or in the NHS App.",
    },
    Term {
        key: "occupational-therapy",
        name: "Occupational therapy",
        also: &["occupational therapist", "occupational therapists", "OT"],
        meaning: "Help to make everyday tasks easier, like dressing, writing or getting around. It can include exercises, new ways of doing things or special equipment.",
    },
    Term {
        key: "optician",
        name: "Optician",
        also: &["opticians", "optometrist", "optometrists"],
        meaning: "A health worker who tests your eyesight and checks that your eyes are healthy. They can also fit glasses and contact lenses.",
    },
    Term {
        key: "orthodontist",
        name: "Orthodontist",
        also: &["orthodontists", "orthodontics", "orthodontic treatment", "braces"],
        meaning: "A dentist with extra training who straightens teeth and jaws, often with braces. NHS treatment is free for under-18s whose teeth need it most.",
    },
    Term {
        key: "outpatient-appointment",
        name: "Outpatient appointment",
        also: &["outpatient appointments", "outpatient", "outpatients", "outpatient clinic"],
        meaning: "A hospital appointment where you see a specialist and go home the same day.",
    },
    Term {
        key: "over-the-counter-medicine",
        name: "Over-the-counter medicine",
        also: &[
            "over-the-counter medicines",
            "over the counter medicine",
            "over the counter medicines",
            "over-the-counter",
            "over the counter",
            "OTC",
        ],
        meaning: "Medicine you can buy without a prescription, such as paracetamol. Always follow the label, and ask a pharmacist if you are not sure.",
    },
    Term {
        key: "paediatrician",
        name: "Paediatrician",
        also: &["paediatricians", "pediatrician", "paediatrics", "community paediatrician", "paeds"],
        meaning: "A doctor who looks after babies, children and teenagers. You might see one in hospital or at a community clinic.",
    },
    Term {
        key: "panic-attack",
        name: "Panic attack",
        also: &["panic attacks", "panic disorder"],
        meaning: "A sudden rush of strong fear, with a racing heart, fast breathing and shaking. It feels frightening but is not dangerous, and usually passes within minutes.",
    },
    Term {
        key: "paracetamol",
        name: "Paracetamol",
        also: &["Calpol"],
        meaning: "A common painkiller that also brings down a high temperature. Never take more than the label says, as too much can harm your liver.",
    },
    Term {
        key: "penicillin",
        name: "Penicillin",
        also: &["penicillins"],
        meaning: "A common family of antibiotics used for many infections. Amoxicillin is one of them.",
    },
    Term {
        key: "penicillin-allergy",
        name: "Penicillin allergy",
        also: &["allergy to penicillin", "allergic to penicillin", "penicillin allergic", "penicillin-allergic"],
        meaning: "When your body reacts badly to penicillin antibiotics. Tell every doctor, dentist and pharmacist, so they can give you a different medicine.",
    },
    Term {
        key: "pharmacy",
        name: "Pharmacy",
        also: &["pharmacies", "pharmacist", "pharmacists", "chemist", "chemists"],
        meaning: "A shop where trained staff called pharmacists give out medicines. Pharmacists can also give advice and treat some common illnesses.",
    },
    Term {
        key: "physiotherapy",
        name: "Physiotherapy",
        also: &["physio", "physiotherapist", "physiotherapists"],
        meaning: "Treatment with exercises, movement and advice to help with pain, injuries or problems moving. It is given by a physiotherapist.",
    },
    Term {
        key: "pneumococcal-vaccine",
        name: "Pneumococcal vaccine",
        also: &["pneumococcal vaccines", "PCV", "PPV", "Prevenar"],
        meaning: "A vaccine that protects against germs that can cause chest infections, ear infections and meningitis. Babies have it, and so do older adults.",
    },
    Term {
        key: "polio",
        name: "Polio",
        also: &["poliomyelitis"],
        meaning: "An infection caused by a virus that can weaken muscles, sometimes for life. It is now very rare because of vaccines.",
    },
    Term {
        key: "postnatal",
        name: "Postnatal",
        also: &["postnatal care", "post-natal", "postpartum"],
        meaning: "Postnatal means after birth. Postnatal care is the support a mother and baby get in the weeks after the baby is born.",
    },
    Term {
        key: "postnatal-depression",
        name: "Postnatal depression",
        also: &["post-natal depression", "postpartum depression", "PND"],
        meaning: "Depression that some parents get in the first year after having a baby. It is common, it is not your fault, and help is available.",
    },
    Term {
        key: "pregnancy-test",
        name: "Pregnancy test",
        also: &["pregnancy tests"],
        meaning: "A test that checks your pee to see if you are pregnant. It is free at sexual health clinics, and sold in pharmacies and supermarkets.",
    },
    Term {
        key: "premature",
        name: "Premature",
        also: &["prematurity", "prematurely", "born prematurely", "premature birth", "preterm", "pre-term"],
        meaning: "Born early, before 37 weeks of pregnancy. Many babies born early need extra care at first and then grow up well.",
    },
    Term {
        key: "prescription",
        name: "Prescription",
        also: &["prescriptions", "prescribed", "Rx"],
        meaning: "A note from a doctor, nurse or pharmacist saying which medicine you need. You collect the medicine from a pharmacy.",
    },
    Term {
        key: "preventer-inhaler",
        name: "Preventer inhaler",
        also: &["preventer inhalers", "brown inhaler", "steroid inhaler"],
        meaning: "An inhaler used every day, even when you feel well, to calm the swelling in your airways. It helps stop asthma attacks from happening.",
    },
    Term {
        key: "psychiatrist",
        name: "Psychiatrist",
        also: &["psychiatrists", "psychiatry", "consultant psychiatrist"],
        meaning: "A medical doctor who is an expert in mental health. They can work out what is wrong and prescribe medicine.",
    },
    Term {
        key: "psychologist",
        name: "Psychologist",
        also: &["psychologists", "clinical psychologist", "psychology"],
        meaning: "A trained professional who helps people understand and cope with their thoughts, feelings and behaviour. They use talking and activities, not medicine.",
    },
    Term {
        key: "ptsd",
        name: "PTSD",
        also: &["post-traumatic stress disorder", "post traumatic stress disorder"],
        meaning: "Post-traumatic stress disorder, which can follow something very frightening or upsetting. It can bring back the memory, disturb sleep and leave you on edge, and treatment helps.",
    },
    Term {
        key: "red-book",
        name: "Red Book",
        also: &["Red Books", "personal child health record", "PCHR", "eRedbook"],
        meaning: "A red booklet given to parents when a baby is born, also called the personal child health record. It records growth, checks and vaccines in childhood.",
    },
    Term {
        key: "referral",
        name: "Referral",
        also: &["referrals", "referred"],
        meaning: "When a health worker asks another service to see you, such as your GP sending you to a specialist.",
    },
    Term {
        key: "reliever-inhaler",
        name: "Reliever inhaler",
        also: &["reliever inhalers", "blue inhaler", "salbutamol", "Ventolin"],
        meaning: "An inhaler, usually blue, used when asthma flares up. It quickly opens your airways so you can breathe more easily.",
    },
    Term {
        key: "repeat-prescription",
        name: "Repeat prescription",
        also: &["repeat prescriptions", "repeat medication", "repeat medicines"],
        meaning: "A prescription for a medicine you take long term, which you can reorder without seeing a doctor each time. You can order it from your GP or in the NHS App.",
    },
    Term {
        key: "review-health-assessment",
        name: "Review health assessment",
        also: &["review health assessments", "RHA", "review health check", "annual health assessment"],
        meaning: "A regular health check for children in care, usually done by a nurse. It happens every six months for under-5s and once a year after that.",
    },
    Term {
        key: "rotavirus-vaccine",
        name: "Rotavirus vaccine",
        also: &["rotavirus vaccination", "Rotarix"],
        meaning: "Drops given by mouth to young babies to protect against rotavirus, a common cause of sickness and diarrhoea (runny poo).",
    },
    Term {
        key: "rubella",
        name: "Rubella",
        also: &["German measles"],
        meaning: "A mild illness caused by a virus, with a spotty rash and a slight fever. It can harm a baby if caught in early pregnancy, which is why the MMR vaccine matters.",
    },
    Term {
        key: "safeguarding",
        name: "Safeguarding",
        also: &["safeguarding concern", "safeguarding concerns"],
        meaning: "Work to keep children and adults safe from abuse, harm or not being cared for properly. Health staff must act if they are worried someone is at risk.",
    },
    Term {
        key: "school-nurse",
        name: "School nurse",
        also: &["school nurses", "school nursing team", "school health team"],
        meaning: "A nurse who works with schools to support pupils' health. They can help with worries, vaccines, sexual health and growing up.",
    },
    Term {
        key: "sdq",
        name: "SDQ",
        also: &["SDQs", "SDQ score", "Strengths and Difficulties Questionnaire"],
        meaning: "Strengths and Difficulties Questionnaire: a short form about a child's feelings and behaviour. Children in care aged 4 to 16 have one each year to spot who needs support.",
    },
    Term {
        key: "seizure",
        name: "Seizure",
        also: &["seizures", "convulsion", "convulsions"],
        meaning: "A short burst of unusual signals in the brain. It can cause shaking, staring blankly or passing out for a little while.",
    },
    Term {
        key: "self-harm",
        name: "Self-harm",
        also: &[
            "self harm",
            "self-harming",
            "self harming",
            "self-injury",
            "self injury",
            "deliberate self-harm",
            "DSH",
        ],
        meaning: "When someone hurts themselves on purpose, often as a way to cope with painful feelings. It is nothing to be ashamed of, and support can help.",
    },
    Term {
        key: "self-referral",
        name: "Self-referral",
        also: &["self referral", "self-refer", "self refer"],
        meaning: "When you contact a service yourself instead of going through your GP. Many talking therapy and sexual health services accept this.",
    },
    Term {
        key: "sepsis",
        name: "Sepsis",
        also: &["blood poisoning", "septicaemia"],
        meaning: "When the body's fight against an infection starts to harm the body itself. It needs urgent hospital care, and most people get better with quick treatment.",
    },
    Term {
        key: "sertraline",
        name: "Sertraline",
        also: &["Lustral"],
        meaning: "An SSRI antidepressant, used for depression and anxiety. Do not stop taking it suddenly; talk to your doctor first.",
    },
    Term {
        key: "sexual-health-clinic",
        name: "Sexual health clinic",
        also: &[
            "sexual health clinics",
            "sexual health service",
            "sexual health services",
            "GUM clinic",
            "genitourinary medicine clinic",
            "family planning clinic",
        ],
        meaning: "A free, private NHS service for contraception, STI tests and advice about sex and relationships. You can go without asking your GP first.",
    },
    Term {
        key: "sickle-cell-disease",
        name: "Sickle cell disease",
        also: &["sickle cell", "sickle cell anaemia", "sickle cell anemia", "SCD"],
        meaning: "An inherited condition where red blood cells are an unusual, curved shape. They can get stuck and block blood flow, which can cause pain and other problems.",
    },
    Term {
        key: "sickle-cell-trait",
        name: "Sickle cell trait",
        also: &["sickle cell carrier", "HbAS"],
        meaning: "Carrying one sickle cell gene from a parent. It usually causes no health problems, but it could be passed on to your children.",
    },
    Term {
        key: "side-effect",
        name: "Side effect",
        also: &[
            "side effects",
            "side-effect",
            "side-effects",
            "adverse reaction",
            "adverse reactions",
            "adverse effect",
            "adverse effects",
        ],
        meaning: "An unwanted effect of a medicine or vaccine, such as feeling sick or a sore arm. Most are mild and pass, but tell a doctor or pharmacist if you are worried.",
    },
    Term {
        key: "spacer",
        name: "Spacer",
        also: &["spacers", "spacer device", "Volumatic", "AeroChamber"],
        meaning: "A plastic tube that fits on to an inhaler. It helps more of the medicine reach your lungs.",
    },
    Term {
        key: "special-educational-needs",
        name: "Special educational needs",
        also: &["special educational needs and disabilities", "SEN"],
        meaning: "When a child or young person needs more help with learning than most others their age. Schools and colleges must plan support for them.",
    },
    Term {
        key: "specialist",
        name: "Specialist",
        also: &["specialists"],
        meaning: "A doctor or other health worker with extra training in one area, such as skin, the heart or mental health.",
    },
    Term {
        key: "speech-and-language-therapy",
        name: "Speech and language therapy",
        also: &[
            "speech and language therapist",
            "speech and language therapists",
            "speech therapy",
            "speech therapist",
            "SLT",
        ],
        meaning: "Help for people who find it hard to talk, understand words, or eat and swallow safely. It is given by a speech and language therapist.",
    },
    Term {
        key: "squint",
        name: "Squint",
        also: &["strabismus"],
        meaning: "When the eyes point in different directions. It is common in children and can be treated with glasses, eye patches, exercises or an operation.",
    },
    Term {
        key: "ssris",
        name: "SSRIs",
        also: &["SSRI", "selective serotonin reuptake inhibitor", "selective serotonin reuptake inhibitors"],
        meaning: "The most common type of antidepressant, such as sertraline or fluoxetine. They are also used for anxiety, and usually take a few weeks to help.",
    },
    Term {
        key: "sti",
        name: "STI",
        also: &[
            "STIs",
            "sexually transmitted infection",
            "sexually transmitted infections",
            "STD",
            "STDs",
            "sexually transmitted disease",
            "sexually transmitted diseases",
        ],
        meaning: "An infection passed on during sex, such as chlamydia. Many have no signs, so regular tests are a good idea, and most are easy to treat.",
    },
    Term {
        key: "stop-smoking-service",
        name: "Stop smoking service",
        also: &[
            "stop smoking services",
            "NHS Stop Smoking Service",
            "smoking cessation",
            "smoking cessation service",
            "stop smoking support",
        ],
        meaning: "Free NHS help to quit smoking, with support from a trained adviser. You may also get nicotine patches, gum or a vape to help.",
    },
    Term {
        key: "substance-misuse",
        name: "Substance misuse",
        also: &["substance use", "drug misuse", "drug use"],
        meaning: "Using drugs or alcohol in a way that harms your health, relationships or daily life.",
    },
    Term {
        key: "substance-misuse-service",
        name: "Substance misuse service",
        also: &[
            "substance misuse services",
            "drug and alcohol service",
            "drug and alcohol services",
            "substance use service",
        ],
        meaning: "A free, private service that helps people cut down or stop using drugs or alcohol. You can usually contact them yourself.",
    },
    Term {
        key: "talking-therapy",
        name: "Talking therapy",
        also: &[
            "talking therapies",
            "talking treatment",
            "NHS Talking Therapies",
            "IAPT",
            "psychological therapy",
            "psychological therapies",
        ],
        meaning: "Treatment where you talk with a trained therapist to help with how you feel. In England, adults can often refer themselves to NHS Talking Therapies.",
    },
    Term {
        key: "td-ipv",
        name: "Td/IPV",
        also: &["3-in-1 teenage booster", "3-in-1 booster", "3-in-1", "teenage booster", "Td-IPV", "Revaxis"],
        meaning: "The 3-in-1 teenage booster, usually given at school at about age 14. It tops up protection against tetanus, diphtheria and polio.",
    },
    Term {
        key: "tetanus",
        name: "Tetanus",
        also: &["lockjaw"],
        meaning: "A serious infection caused by germs in soil getting into a cut or wound. It makes muscles stiff, and vaccines protect you from it.",
    },
    Term {
        key: "tooth-decay",
        name: "Tooth decay",
        also: &["dental decay", "caries", "dental caries", "cavity", "cavities"],
        meaning: "Damage to teeth caused by germs that feed on sugar. Brushing twice a day and having less sugar help prevent it.",
    },
    Term {
        key: "trauma",
        name: "Trauma",
        also: &["traumatic", "traumatised", "traumatized"],
        meaning: "A very frightening or hurtful experience, and the effect it can leave on how you feel. Doctors also use the word for a physical injury.",
    },
    Term {
        key: "tuberculosis",
        name: "Tuberculosis",
        also: &["TB"],
        meaning: "An infection that usually affects the lungs and spreads through the air by coughing. It can be cured with several months of antibiotics.",
    },
    Term {
        key: "type-1-diabetes",
        name: "Type 1 diabetes",
        also: &["type 1 diabetic", "diabetes type 1", "type one diabetes", "type I diabetes", "T1DM", "T1D"],
        meaning: "A type of diabetes where the body stops making insulin, which it needs to use sugar for energy. People with it take insulin every day, by injection or pump.",
    },
    Term {
        key: "type-2-diabetes",
        name: "Type 2 diabetes",
        also: &["type 2 diabetic", "diabetes type 2", "type two diabetes", "type II diabetes", "T2DM", "T2D"],
        meaning: "A type of diabetes where the body does not make enough insulin or cannot use it well. It is often managed with healthy food, exercise and tablets.",
    },
    Term {
        key: "urgent-treatment-centre",
        name: "Urgent treatment centre",
        also: &[
            "urgent treatment centres",
            "urgent care centre",
            "urgent care centres",
            "minor injuries unit",
            "UTC",
            "MIU",
        ],
        meaning: "A place to get help with urgent problems that are not emergencies, like sprains, cuts or minor burns. You can often just turn up, or book through NHS 111.",
    },
    Term {
        key: "vaccine",
        name: "Vaccine",
        also: &["vaccines", "jab", "jabs"],
        meaning: "A medicine that teaches your body to fight off a germ before you meet it. Most are injections, but some are nasal sprays or drops.",
    },
    Term {
        key: "vaping",
        name: "Vaping",
        also: &["vape", "vapes", "e-cigarette", "e-cigarettes"],
        meaning: "Breathing in vapour from an e-cigarette. It is much less harmful than smoking, but it is not for children or people who do not smoke.",
    },
    Term {
        key: "waiting-list",
        name: "Waiting list",
        also: &["waiting lists", "waitlist", "wait list"],
        meaning: "A list of people waiting to be seen or treated by a service. You keep your place, and you can ask how long the wait might be.",
    },
    Term {
        key: "walk-in-centre",
        name: "Walk-in centre",
        also: &["walk-in centres", "walk in centre", "walk-in clinic", "NHS walk-in centre"],
        meaning: "An NHS centre where you can be seen for minor illnesses and injuries without an appointment. Many have now become urgent treatment centres.",
    },
    Term {
        key: "was-not-brought",
        name: "Was not brought",
        also: &["WNB"],
        meaning: "Used when a child missed an appointment because no adult took them. It is not the child's fault.",
    },
    Term {
        key: "whooping-cough",
        name: "Whooping cough",
        also: &["pertussis"],
        meaning: "A chest infection that causes long coughing fits, sometimes with a whoop sound. It is most serious for young babies, so pregnant women are offered a vaccine.",
    },
    Term {
        key: "x-ray",
        name: "X-ray",
        also: &["X-rays", "Xray", "x ray"],
        meaning: "A quick, painless picture of the inside of your body, often used to look for broken bones.",
    },
];

/// The term with this key.
pub fn find(key: &str) -> Option<&'static Term> {
    TERMS.iter().find(|term| term.key == key)
}

/// A run of text split for display: plain text, or a term found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text with no term in it, exactly as written.
    Text(&'a str),
    /// A term's name or alias, exactly as written in the text (its casing
    /// kept), and the term it stands for.
    Term { text: &'a str, term: &'static Term },
}

/// Splits `text` into segments, linking every name or alias of a term found in
/// it. Matches are whole words (the characters either side are not letters or
/// digits), ignore ASCII case, and where two overlap the longer one wins:
/// "review health assessment" is one term, not "health assessment" after a
/// plain "review". The segments joined back together give `text` exactly; an
/// empty `text` gives no segments.
pub fn link_terms(text: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    // Where the plain text not yet pushed starts.
    let mut plain_from = 0;
    let mut at = 0;
    // Whether the character before `at` is a letter or digit, so no term may
    // start at `at`.
    let mut in_word = false;
    while let Some(c) = text[at..].chars().next() {
        // Every name and alias starts with an ASCII letter or digit (a test
        // checks), so other characters need no look-up.
        if !in_word
            && c.is_ascii_alphanumeric()
            && let Some((len, term)) = longest_at(text, at)
        {
            if plain_from < at {
                segments.push(Segment::Text(&text[plain_from..at]));
            }
            segments.push(Segment::Term { text: &text[at..at + len], term });
            at += len;
            plain_from = at;
            in_word = true;
            continue;
        }
        in_word = c.is_alphanumeric();
        at += c.len_utf8();
    }
    if plain_from < text.len() {
        segments.push(Segment::Text(&text[plain_from..]));
    }
    segments
}

/// The distinct terms found in `text`, in order of first appearance.
pub fn terms_in(text: &str) -> Vec<&'static Term> {
    let mut found: Vec<&'static Term> = Vec::new();
    for segment in link_terms(text) {
        if let Segment::Term { term, .. } = segment
            && !found.iter().any(|seen| seen.key == term.key)
        {
            found.push(term);
        }
    }
    found
}

/// Terms whose name, aliases or meaning contain all the words of `query`
/// (case-insensitive, word starts), for a glossary search box; empty query
/// gives all.
///
/// The words of `query` are its runs of letters and digits, and each must begin
/// a word somewhere in the term, so "adren" finds "EpiPen" through "adrenaline
/// auto-injector". Terms found by their name or aliases come first, and among
/// those, the ones whose name or an alias begins with the first word lead; then
/// come terms found only through their meaning. Each group keeps glossary
/// order.
pub fn search(query: &str) -> Vec<&'static Term> {
    let words: Vec<&str> = query.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect();
    let mut found: Vec<(u8, &'static Term)> = TERMS
        .iter()
        .filter_map(|term| {
            let in_names = |word: &str| patterns(term).any(|pattern| has_word_starting(pattern, word));
            if !words.iter().all(|word| in_names(word) || has_word_starting(term.meaning, word)) {
                return None;
            }
            let rank = if !words.iter().all(|word| in_names(word)) {
                2
            } else if words.first().is_none_or(|first| patterns(term).any(|pattern| starts_with(pattern, first))) {
                0
            } else {
                1
            };
            Some((rank, term))
        })
        .collect();
    // A stable sort, so each rank keeps glossary order.
    found.sort_by_key(|&(rank, _)| rank);
    found.into_iter().map(|(_, term)| term).collect()
}

/// A term's name, then its aliases.
fn patterns(term: &'static Term) -> impl Iterator<Item = &'static str> {
    std::iter::once(term.name).chain(term.also.iter().copied())
}

/// The longest name or alias of any term that starts at `text[at..]` and ends
/// a word, with its length in bytes. The caller checks that `at` starts a
/// word.
fn longest_at(text: &str, at: usize) -> Option<(usize, &'static Term)> {
    let rest = &text.as_bytes()[at..];
    let mut best: Option<(usize, &'static Term)> = None;
    for term in TERMS {
        for pattern in patterns(term) {
            if let Some(len) = match_len(rest, pattern)
                && best.is_none_or(|(best_len, _)| len > best_len)
                && ends_word(text, at + len)
            {
                best = Some((len, term));
            }
        }
    }
    best
}

/// How many bytes at the start of `text` match `pattern`, if they do: letters
/// in either ASCII case, a space as one or more ASCII whitespace characters,
/// anything else exactly. Patterns are ASCII (a test checks), so a match never
/// takes part of a multi-byte character and always ends on a character
/// boundary.
fn match_len(text: &[u8], pattern: &str) -> Option<usize> {
    let mut at = 0;
    for &want in pattern.as_bytes() {
        if want == b' ' {
            let spaces = text.get(at..)?.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if spaces == 0 {
                return None;
            }
            at += spaces;
        } else if text.get(at).is_some_and(|got| got.eq_ignore_ascii_case(&want)) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// Whether a word ends at `text[..end]`: nothing follows, or what follows is
/// not a letter or digit (in any script, so "GPé" is one word).
fn ends_word(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `word` begins a word somewhere in `hay`, ignoring ASCII case.
fn has_word_starting(hay: &str, word: &str) -> bool {
    let mut in_word = false;
    for (at, c) in hay.char_indices() {
        if !in_word && starts_with(&hay[at..], word) {
            return true;
        }
        in_word = c.is_alphanumeric();
    }
    false
}

/// Whether `hay` starts with `prefix`, ignoring ASCII case.
fn starts_with(hay: &str, prefix: &str) -> bool {
    hay.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn term(key: &str) -> &'static Term {
        find(key).unwrap_or_else(|| panic!("no term {key:?}"))
    }

    fn keys(terms: &[&'static Term]) -> Vec<&'static str> {
        terms.iter().map(|term| term.key).collect()
    }

    /// The segments as (text, key of the term or "").
    fn shown(text: &str) -> Vec<(&str, &'static str)> {
        link_terms(text)
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(text) => (text, ""),
                Segment::Term { text, term } => (text, term.key),
            })
            .collect()
    }

    fn joined(segments: &[Segment<'_>]) -> String {
        segments
            .iter()
            .map(|segment| match segment {
                Segment::Text(text) | Segment::Term { text, .. } => *text,
            })
            .collect()
    }

    /// What every split must keep: the text itself, no empty segments, no
    /// two plain segments in a row, and only whole-word terms.
    fn check_split(text: &str) {
        let segments = link_terms(text);
        assert_eq!(joined(&segments), text);
        let mut at = 0;
        for (i, segment) in segments.iter().enumerate() {
            match segment {
                Segment::Text(plain) => {
                    assert!(!plain.is_empty(), "empty segment in {text:?}");
                    assert!(
                        !matches!(segments.get(i + 1), Some(Segment::Text(_))),
                        "two plain segments in a row in {text:?}"
                    );
                    at += plain.len();
                }
                Segment::Term { text: found, term } => {
                    assert!(!found.is_empty());
                    assert!(
                        text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()),
                        "{found:?} starts inside a word in {text:?}"
                    );
                    at += found.len();
                    assert!(ends_word(text, at), "{found:?} ends inside a word in {text:?}");
                    assert!(patterns(term).any(|pattern| match_len(found.as_bytes(), pattern) == Some(found.len())));
                }
            }
        }
    }

    #[test]
    fn there_are_at_least_90_terms() {
        assert!(TERMS.len() >= 90, "only {} terms", TERMS.len());
    }

    #[test]
    fn every_word_the_issue_names_is_found_in_a_sentence() {
        let cases = [
            ("MMR", "mmr"),
            ("HPV", "hpv"),
            ("HPV vaccine", "hpv-vaccine"),
            ("BCG", "bcg"),
            ("Td/IPV", "td-ipv"),
            ("3-in-1 teenage booster", "td-ipv"),
            ("MenACWY", "menacwy"),
            ("DTaP/IPV", "dtap-ipv"),
            ("4-in-1 pre-school booster", "dtap-ipv"),
            ("6-in-1 vaccine", "6-in-1-vaccine"),
            ("flu vaccine", "flu-vaccine"),
            ("COVID-19 vaccine", "covid-19-vaccine"),
            ("chickenpox", "chickenpox"),
            ("hepatitis B", "hepatitis-b"),
            ("asthma", "asthma"),
            ("inhaler", "inhaler"),
            ("preventer inhaler", "preventer-inhaler"),
            ("reliever inhaler", "reliever-inhaler"),
            ("eczema", "eczema"),
            ("hay fever", "hay-fever"),
            ("anaphylaxis", "anaphylaxis"),
            ("allergy", "allergy"),
            ("EpiPen", "epipen"),
            ("adrenaline auto-injector", "epipen"),
            ("epilepsy", "epilepsy"),
            ("diabetes", "diabetes"),
            ("type 1 diabetes", "type-1-diabetes"),
            ("type 2 diabetes", "type-2-diabetes"),
            ("ADHD", "adhd"),
            ("autism", "autism"),
            ("autism assessment", "autism-assessment"),
            ("dyslexia", "dyslexia"),
            ("learning disability", "learning-disability"),
            ("CAMHS", "camhs"),
            ("adult mental health services", "adult-mental-health-services"),
            ("anxiety", "anxiety"),
            ("depression", "depression"),
            ("PTSD", "ptsd"),
            ("self-harm", "self-harm"),
            ("eating disorder", "eating-disorder"),
            ("SSRIs", "ssris"),
            ("antidepressant", "antidepressant"),
            ("antibiotic", "antibiotic"),
            ("foetal alcohol spectrum disorder", "fasd"),
            ("FASD", "fasd"),
            ("neonatal abstinence syndrome", "nas"),
            ("Red Book", "red-book"),
            ("personal child health record", "red-book"),
            ("initial health assessment", "initial-health-assessment"),
            ("review health assessment", "review-health-assessment"),
            ("health passport", "health-passport"),
            ("GP", "gp"),
            ("dentist", "dentist"),
            ("optician", "optician"),
            ("eye test", "eye-test"),
            ("hearing test", "hearing-test"),
            ("health visitor", "health-visitor"),
            ("school nurse", "school-nurse"),
            ("looked-after children nurse", "looked-after-children-nurse"),
            ("prescription", "prescription"),
            ("repeat prescription", "repeat-prescription"),
            ("free prescriptions", "free-prescriptions"),
            ("HC2 certificate", "hc2-certificate"),
            ("NHS Low Income Scheme", "nhs-low-income-scheme"),
            ("NHS number", "nhs-number"),
            ("BMI", "bmi"),
            ("blood pressure", "blood-pressure"),
            ("referral", "referral"),
            ("waiting list", "waiting-list"),
            ("consent", "consent"),
            ("Gillick competence", "gillick-competence"),
            ("confidentiality", "confidentiality"),
            ("sexual health clinic", "sexual-health-clinic"),
            ("contraception", "contraception"),
            ("STI", "sti"),
            ("pregnancy test", "pregnancy-test"),
            ("midwife", "midwife"),
            ("dental check-up", "dental-check-up"),
            ("filling", "filling"),
            ("orthodontist", "orthodontist"),
            ("glasses", "glasses"),
            ("contact lenses", "contact-lenses"),
            ("physiotherapy", "physiotherapy"),
            ("speech and language therapy", "speech-and-language-therapy"),
            ("occupational therapy", "occupational-therapy"),
            ("paediatrician", "paediatrician"),
            ("psychologist", "psychologist"),
            ("psychiatrist", "psychiatrist"),
            ("counselling", "counselling"),
            ("talking therapy", "talking-therapy"),
            ("substance misuse service", "substance-misuse-service"),
            ("alcohol units", "alcohol-units"),
            ("smoking cessation", "stop-smoking-service"),
            ("stop smoking service", "stop-smoking-service"),
            ("birth weight", "birth-weight"),
            ("gestation", "gestation"),
            ("premature", "premature"),
            ("Apgar score", "apgar-score"),
            ("developmental delay", "developmental-delay"),
            ("family history", "family-history"),
            ("hereditary", "genetic-condition"),
            ("genetic condition", "genetic-condition"),
            ("sickle cell", "sickle-cell-disease"),
            ("cystic fibrosis", "cystic-fibrosis"),
            ("allergy to penicillin", "penicillin-allergy"),
            ("side effect", "side-effect"),
            ("dose", "dose"),
            ("over-the-counter medicine", "over-the-counter-medicine"),
            ("A&E", "a-and-e"),
            ("NHS 111", "nhs-111"),
            ("urgent treatment centre", "urgent-treatment-centre"),
            ("walk-in centre", "walk-in-centre"),
            ("care plan", "care-plan"),
            ("discharge letter", "discharge-letter"),
            ("diagnosis", "diagnosis"),
            ("chronic", "chronic"),
            ("acute", "acute"),
            ("immunisation", "immunisation"),
            ("vaccine", "vaccine"),
            ("booster", "booster"),
        ];
        for (words, key) in cases {
            let sentence = format!("Seen today: {words} talked about with her carer.");
            assert_eq!(keys(&terms_in(&sentence)), [key], "in {sentence:?}");
        }
    }

    #[test]
    fn keys_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for term in TERMS {
            assert!(seen.insert(term.key), "{} twice", term.key);
            let well_formed = !term.key.is_empty()
                && term
                    .key
                    .split('-')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            assert!(well_formed, "bad key {:?}", term.key);
            assert_eq!(find(term.key), Some(term));
        }
        assert_eq!(find("no-such-term"), None);
        assert_eq!(find("MMR"), None, "keys are not names");
    }

    #[test]
    fn no_name_or_alias_belongs_to_two_terms() {
        let mut owner = std::collections::HashMap::new();
        for term in TERMS {
            for pattern in patterns(term) {
                let folded = pattern.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
                if let Some(other) = owner.insert(folded, term.key) {
                    panic!("{pattern:?} belongs to both {other} and {}", term.key);
                }
            }
        }
    }

    #[test]
    fn names_and_aliases_can_be_matched_as_whole_words() {
        for term in TERMS {
            for pattern in patterns(term) {
                assert!(pattern.is_ascii(), "{pattern:?} is not ASCII");
                let bytes = pattern.as_bytes();
                assert!(
                    bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                        && bytes.last().is_some_and(u8::is_ascii_alphanumeric),
                    "{pattern:?} must start and end with a letter or digit"
                );
                assert!(!pattern.contains("  ") && !pattern.contains(['\t', '\n']), "{pattern:?} has odd spacing");
            }
        }
    }

    #[test]
    fn terms_are_sorted_by_name_ignoring_case() {
        for pair in TERMS.windows(2) {
            let (a, b) = (pair[0].name.to_ascii_lowercase(), pair[1].name.to_ascii_lowercase());
            assert!(a < b, "{:?} should come after {:?}", pair[0].name, pair[1].name);
        }
    }

    #[test]
    fn every_name_and_alias_links_to_its_own_term() {
        for term in TERMS {
            for pattern in patterns(term) {
                assert_eq!(shown(pattern), [(pattern, term.key)]);
                let upper = pattern.to_ascii_uppercase();
                assert_eq!(shown(&upper), [(upper.as_str(), term.key)]);
                let sentence = format!("Letter (re: {pattern}), filed.");
                assert_eq!(
                    shown(&sentence),
                    [("Letter (re: ", ""), (pattern, term.key), ("), filed.", "")],
                    "in {sentence:?}"
                );
            }
        }
    }

    /// A readability guard for the meanings: short, plain sentences.
    #[test]
    fn meanings_are_one_or_two_short_sentences() {
        for term in TERMS {
            let meaning = term.meaning;
            assert!(meaning.is_ascii(), "{}: keep to plain characters", term.key);
            assert!(meaning.chars().count() <= 220, "{}: meaning is {} characters", term.key, meaning.len());
            assert!(meaning.ends_with('.'), "{}: meaning must end with a full stop", term.key);
            assert!(!meaning.contains(['!', '?', '\n']) && !meaning.contains("  "), "{}: odd characters", term.key);
            let sentences: Vec<&str> = meaning.split(". ").collect();
            assert!(sentences.len() <= 2, "{}: {} sentences", term.key, sentences.len());
            for sentence in sentences {
                let words = sentence.split_whitespace().count();
                assert!(words <= 20, "{}: a sentence of {words} words: {sentence:?}", term.key);
                assert!(
                    sentence.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()),
                    "{}: sentence starts in lower case: {sentence:?}",
                    term.key
                );
            }
        }
    }

    #[test]
    fn only_whole_words_are_linked() {
        assert_eq!(shown("Uses GPS to find the surgery."), [("Uses GPS to find the surgery.", "")]);
        assert_eq!(shown("myGP app, GP2 and 2GP"), [("myGP app, GP2 and 2GP", "")]);
        assert_eq!(shown("asthmatics and asthma"), [("asthmatics and ", ""), ("asthma", "asthma")]);
        assert_eq!(shown("the GP's letter"), [("the ", ""), ("GP", "gp"), ("'s letter", "")]);
        assert_eq!(shown("GP-led clinic"), [("GP", "gp"), ("-led clinic", "")]);
        // Letters outside ASCII are still letters: no word boundary next to them.
        assert_eq!(shown("éGP and GPé"), [("éGP and GPé", "")]);
        assert_eq!(shown("(GP)"), [("(", ""), ("GP", "gp"), (")", "")]);
    }

    #[test]
    fn the_longest_match_wins() {
        assert_eq!(
            shown("Review health assessment done."),
            [("Review health assessment", "review-health-assessment"), (" done.", "")]
        );
        assert_eq!(shown("A health assessment."), [("A ", ""), ("health assessment", "health-assessment"), (".", "")]);
        assert_eq!(shown("Type 2 diabetes"), [("Type 2 diabetes", "type-2-diabetes")]);
        assert_eq!(shown("MMRV, not MMR"), [("MMRV", "mmrv"), (", not ", ""), ("MMR", "mmr")]);
        assert_eq!(shown("allergic to penicillin"), [("allergic to penicillin", "penicillin-allergy")]);
        assert_eq!(shown("a flu jab"), [("a ", ""), ("flu jab", "flu-vaccine")]);
    }

    #[test]
    fn every_occurrence_is_linked_with_its_casing_kept() {
        assert_eq!(
            shown("td/ipv given; TD/IPV due. Td/IPV!"),
            [
                ("td/ipv", "td-ipv"),
                (" given; ", ""),
                ("TD/IPV", "td-ipv"),
                (" due. ", ""),
                ("Td/IPV", "td-ipv"),
                ("!", "")
            ]
        );
        assert_eq!(term("td-ipv").name, "Td/IPV");
        assert_eq!(shown("Epipen"), [("Epipen", "epipen")]);
    }

    #[test]
    fn a_phrase_broken_over_lines_is_found() {
        assert_eq!(
            shown("initial health\n  assessment"),
            [("initial health\n  assessment", "initial-health-assessment")]
        );
        // But a space is needed where the name has one.
        assert_eq!(shown("bloodpressure"), [("bloodpressure", "")]);
    }

    #[test]
    fn segments_join_back_into_the_text() {
        let samples = [
            "",
            " ",
            "GP",
            "Seen by the GP at the café on Tuesday; paid £4.50 for the bus.",
            "Asthma review 🙂 – reliever inhaler (blue) and preventer inhaler (brown).",
            "Naïve question: is the MMR the same as MMRV? Zoë's Red Book says “BCG given”.",
            "日本語のテキスト with ADHD and 自閉症 autism assessment",
            "A&E → NHS 111 → walk-in centre… then urgent treatment centre.",
            "Ends with a term: CAMHS",
            "\u{301}GP combining accent first, then GP\u{301}",
            "EpiPen®, EpiPen™ and Td/IPV/extra",
            "self-harm; self harm; SELF-HARM",
        ];
        for text in samples {
            check_split(text);
        }
        assert!(link_terms("").is_empty());
        assert_eq!(shown("Seen by the GP at the café"), [("Seen by the ", ""), ("GP", "gp"), (" at the café", "")]);
        assert_eq!(shown("£GP"), [("£", ""), ("GP", "gp")]);
    }

    #[test]
    fn terms_in_lists_each_term_once_in_order_of_first_appearance() {
        let text = "Asthma: blue inhaler. GP says asthma is better. Flu jab given by the GP.";
        assert_eq!(keys(&terms_in(text)), ["asthma", "reliever-inhaler", "gp", "flu-vaccine"]);
        assert!(terms_in("Nothing to see here.").is_empty());
        assert!(terms_in("").is_empty());
    }

    #[test]
    fn search_finds_terms_by_name_alias_or_meaning() {
        assert!(keys(&search("adrenaline")).contains(&"epipen"));
        assert!(keys(&search("measles")).contains(&"mmr"));
        assert!(keys(&search("MEASLES")).contains(&"mmr"));
        // Word starts, not the middle of a word.
        assert!(keys(&search("adren")).contains(&"epipen"));
        assert!(!keys(&search("drenaline")).contains(&"epipen"));
        // Every word must match.
        assert_eq!(keys(&search("teenage booster")).first(), Some(&"td-ipv"));
        assert!(!keys(&search("teenage zebra")).contains(&"td-ipv"));
        // Names come before meanings.
        assert_eq!(keys(&search("asthma")).first(), Some(&"asthma"));
        assert_eq!(keys(&search("td/ipv")), ["td-ipv"]);
        assert!(search("zzzz").is_empty());
    }

    #[test]
    fn an_empty_search_gives_every_term() {
        assert_eq!(search("").len(), TERMS.len());
        assert_eq!(search("  - ").len(), TERMS.len());
        assert_eq!(search("")[0], &TERMS[0]);
    }

    #[test]
    fn search_copes_with_any_characters() {
        assert!(search("café £ 🙂").is_empty());
        assert!(search("é").is_empty());
    }

    /// Text made of term names and aliases mixed with other pieces, so splits
    /// land next to and inside terms.
    fn mixed_text() -> impl Strategy<Value = String> {
        let names: Vec<&'static str> = TERMS.iter().flat_map(patterns).collect();
        let piece = prop_oneof![
            proptest::sample::select(names).prop_map(str::to_string),
            "[ a-zA-Z0-9/&'.,-]{0,6}",
            "\\PC{0,4}",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn any_text_splits_cleanly(text in "\\PC{0,80}") {
            check_split(&text);
            let _ = search(&text);
        }

        #[test]
        fn text_full_of_terms_splits_cleanly(text in mixed_text()) {
            check_split(&text);
            let mut first_seen: Vec<&'static str> = Vec::new();
            for segment in link_terms(&text) {
                if let Segment::Term { term, .. } = segment && !first_seen.contains(&term.key) {
                    first_seen.push(term.key);
                }
            }
            prop_assert_eq!(keys(&terms_in(&text)), first_seen);
        }
    }
}
